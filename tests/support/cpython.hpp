// Asking the machine's CPython for expected values: tests feed generated inputs to
// /usr/bin/python3 once and compare every answer. Native builds only (no popen in wasm).
#pragma once
#ifndef __EMSCRIPTEN__
#include <cstdio>
#include <functional>
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

// The outcome of comparing our answers with CPython's, one per input line.
struct CpythonComparison {
    std::string skipped;             // non-empty: why it could not run (no python3, not 3.11)
    size_t mismatches = 0;
    std::vector<std::string> first;  // the first ten: "<what(i)>: CPython <theirs>, we <ours>"
};

// Runs `script` over `lines` (see run_cpython); it prints "%d.%d" of sys.version_info, then one
// answer per line, which must equal ours(i) for line i. what(i) names input i in a report.
inline CpythonComparison compare_with_cpython(const std::string& script, const std::vector<std::string>& lines,
                                              const std::function<std::string(size_t)>& ours,
                                              const std::function<std::string(size_t)>& what) {
    CpythonComparison c;
    if (access("/usr/bin/python3", X_OK) != 0) {
        c.skipped = "needs /usr/bin/python3";
        return c;
    }
    const std::vector<std::string> expected = run_cpython(script, lines);
    if (expected.size() != lines.size() + 1) {
        c.mismatches = lines.size();
        c.first.push_back("python3 answered " + std::to_string(expected.size()) + " lines for " +
                          std::to_string(lines.size()) + " inputs");
        return c;
    }
    if (expected[0] != "3.11") {
        c.skipped = "needs CPython 3.11, found " + expected[0];
        return c;
    }
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string got = ours(i);
        if (got == expected[i + 1]) continue;
        if (++c.mismatches <= 10) c.first.push_back(what(i) + ": CPython " + expected[i + 1] + ", we " + got);
    }
    return c;
}

}  // namespace aio_test
#endif
