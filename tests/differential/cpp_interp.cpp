// differential_interp: runs one differential-test program (SPEC.md) on the aio runtime and prints
// the lines interp.py prints on CPython.
//   usage: differential_interp [PROGRAM.json]      (reads stdin without an argument or with "-")
#include "tests/differential/interp.hpp"
#include "tests/differential/program.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : "-";
    std::string text;
    if (path == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        std::ifstream in(path);
        if (!in) {
            std::fprintf(stderr, "differential_interp: cannot read %s\n", path.c_str());
            return 2;
        }
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    differential::Program program;
    try {
        program = differential::parse_program(text);
    } catch (const differential::InvalidProgram& e) {
        std::fprintf(stderr, "differential_interp: invalid program: %s\n", e.what());
        return 2;
    }
    differential::Interp(program).run();
    return 0;
}
