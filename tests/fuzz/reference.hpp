// CPython embedded in a fuzz harness: the reference each harness compares with, in process.
// Debian's libpython3.11 reads the same urllib/parse.py and re as /usr/bin/python3.
#pragma once
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aio_fuzz {

struct Unref {
    void operator()(PyObject* o) const { Py_XDECREF(o); }
};
using Ref = std::unique_ptr<PyObject, Unref>;

// Bytes as a Python bytes literal would show them, so a report can be pasted into python3.
inline std::string shown(std::string_view s) {
    std::string out = "b'";
    for (unsigned char c : s) {
        char buf[8];
        if (c == '\\' || c == '\'') std::snprintf(buf, sizeof buf, "\\%c", c);
        else if (c < 0x20 || c >= 0x7f) std::snprintf(buf, sizeof buf, "\\x%02x", c);
        else std::snprintf(buf, sizeof buf, "%c", c);
        out += buf;
    }
    return out + "'";
}

inline std::string shown(const std::optional<std::vector<std::string>>& v) {
    if (!v) return "an error (ValueError)";
    std::string out = "[";
    for (size_t i = 0; i < v->size(); ++i) out += (i ? ", " : "") + shown((*v)[i]);
    return out + "]";
}

[[noreturn]] inline void die(const char* why) {
    std::fprintf(stderr, "reference: %s\n", why);
    if (PyErr_Occurred()) PyErr_Print();
    std::abort();
}

// A Python function `reference(*args)` that returns a list of str, defined by `source` in a
// fresh module. Arguments are decoded from UTF-8 with `errors` ("strict": bytes that do not
// decode count as an error, as `bytes.decode()` raising would; "surrogateescape": every byte
// string is accepted and comes back byte for byte).
class Reference {
public:
    explicit Reference(const char* source, const char* errors = "strict") : errors_(errors) {
        start();
        Ref globals(PyDict_New());
        PyDict_SetItemString(globals.get(), "__builtins__", PyEval_GetBuiltins());
        Ref ran(PyRun_String(source, Py_file_input, globals.get(), globals.get()));
        if (!ran) die("the reference source does not run");
        function_.reset(PyDict_GetItemString(globals.get(), "reference"));
        if (!function_) die("the reference source defines no `reference`");
        Py_INCREF(function_.get());
    }

    // The reference's answer, or nullopt when decoding an argument or the call raised
    // ValueError. Any other exception is a harness bug and aborts.
    std::optional<std::vector<std::string>> operator()(std::initializer_list<std::string_view> args) const {
        Ref tuple(PyTuple_New(static_cast<Py_ssize_t>(args.size())));
        Py_ssize_t i = 0;
        for (std::string_view a : args) {
            PyObject* s = PyUnicode_DecodeUTF8(a.data(), static_cast<Py_ssize_t>(a.size()), errors_);
            if (!s) return value_error();
            PyTuple_SET_ITEM(tuple.get(), i++, s);  // steals s
        }
        Ref result(PyObject_Call(function_.get(), tuple.get(), nullptr));
        if (!result) return value_error();
        if (!PyList_Check(result.get())) die("reference() did not return a list");
        std::vector<std::string> out;
        for (Py_ssize_t k = 0; k < PyList_GET_SIZE(result.get()); ++k) {
            Ref bytes(PyUnicode_AsEncodedString(PyList_GET_ITEM(result.get(), k), "utf-8", errors_));
            if (!bytes) die("reference() returned a str that does not encode");
            out.emplace_back(PyBytes_AS_STRING(bytes.get()), static_cast<size_t>(PyBytes_GET_SIZE(bytes.get())));
        }
        return out;
    }

private:
    // Isolated (no PYTHON* variables, no user site), with the malloc allocator so that
    // AddressSanitizer sees Python's memory and LeakSanitizer can tell what is still reachable.
    static void start() {
        if (Py_IsInitialized()) return;
        PyPreConfig pre;
        PyPreConfig_InitIsolatedConfig(&pre);
        pre.allocator = PYMEM_ALLOCATOR_MALLOC;
        if (PyStatus_Exception(Py_PreInitialize(&pre))) die("Py_PreInitialize failed");
        PyConfig config;
        PyConfig_InitIsolatedConfig(&config);
        PyStatus status = Py_InitializeFromConfig(&config);
        PyConfig_Clear(&config);
        if (PyStatus_Exception(status)) die("Py_InitializeFromConfig failed");
        if (Py_Version >> 16 != 0x030b) die("needs CPython 3.11 (Debian's libpython3.11)");
        // Debian's stdlib carries later urllib.parse fixes; another copy would be another reference.
        if (PyRun_SimpleString("import urllib.parse\n"
                               "assert urllib.parse.__file__.startswith('/usr/lib/python3.11/'), urllib.parse.__file__\n"))
            die("urllib.parse is not Debian's /usr/lib/python3.11 one");
    }

    std::optional<std::vector<std::string>> value_error() const {
        if (!PyErr_ExceptionMatches(PyExc_ValueError)) die("an exception other than ValueError");
        PyErr_Clear();
        return std::nullopt;
    }

    const char* errors_;
    Ref function_;
};

// Reports a difference with every input, and aborts so libFuzzer saves the input as a crash.
[[noreturn]] inline void mismatch(const char* what, std::initializer_list<std::string_view> inputs,
                                  const std::optional<std::vector<std::string>>& ours,
                                  const std::optional<std::vector<std::string>>& cpython) {
    std::fprintf(stderr, "%s differs from CPython for", what);
    for (std::string_view in : inputs) std::fprintf(stderr, " %s", shown(in).c_str());
    std::fprintf(stderr, "\n  ours:    %s\n  CPython: %s\n", shown(ours).c_str(), shown(cpython).c_str());
    std::abort();
}

} // namespace aio_fuzz
