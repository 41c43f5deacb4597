// Asking the machine's CPython for expected values: tests feed generated inputs to
// /usr/bin/python3 once and compare every answer. Native builds only (no popen in wasm).
#pragma once
#ifndef __EMSCRIPTEN__
#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace aio_test {

inline std::string to_hex(std::string_view s) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : s) out += {digits[c >> 4], digits[c & 15]};
    return out;
}

// Runs `script` (no single quotes: it goes through the shell) once over a temp file of `lines`
// (its path is sys.argv[1]), returning CPython's output lines.
inline std::vector<std::string> run_cpython(const std::string& script, const std::vector<std::string>& lines) {
    char path[] = "/tmp/aio_cpython_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return {};
    std::string input;
    for (const auto& l : lines) input += l + "\n";
    bool written = write(fd, input.data(), input.size()) == static_cast<ssize_t>(input.size());
    close(fd);
    std::vector<std::string> out;
    if (FILE* pipe = written ? popen(("/usr/bin/python3 -c '" + script + "' " + path).c_str(), "r") : nullptr) {
        std::string text;
        char buf[65536];
        while (size_t n = fread(buf, 1, sizeof buf, pipe)) text.append(buf, n);
        pclose(pipe);
        std::istringstream in(text);
        for (std::string l; std::getline(in, l);) out.push_back(l);
    }
    std::remove(path);
    return out;
}

}  // namespace aio_test
#endif
