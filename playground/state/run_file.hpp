// A run as a file: its demo, parameters, entropy seed, the page's address and its recorded inputs
// (runtime/hosts/run_inputs.hpp), so it can be told again anywhere, with the server gone. JSON:
//
//   {"format": "aio-run", "version": 1, "demo": "crawler", "params": {...page API names...},
//    "entropy_seed": 123, "base_url": "http://127.0.0.1:8000/index.html",
//    "inputs": {"clock": [[iteration, seconds], ...],
//               "fetches": [{"request": n, "url": ..., "due": seconds (a loop timer's answer only),
//                            "iteration": i, "response": {"status", "url", "content_type", "body",
//                            "truncated"} | "error": {"kind", "message"} (neither: never answered)}, ...],
//               "stop": {"after_iteration": i, "time": seconds} | null},
//    "end": {"iteration": i, "status": "running" | "paused" | "finished" | "stopped"}}
//
// A string that is not valid UTF-8 (a body, a URL) goes as base64 under its key plus "_base64"
// ("body_base64"), as JSON strings hold only text.
#pragma once
#include "playground/demos/demo.hpp"
#include "playground/state/playground_state.hpp"
#include "runtime/hosts/run_inputs.hpp"

#include <stdexcept>
#include <string>
#include <string_view>

namespace aio::page {

constexpr int kRunFileVersion = 1;
constexpr size_t kRunFileMaxBytes = 64 << 20;     // a run file's text, at most
constexpr size_t kRunFileMaxBodies = 32 << 20;    // its responses' bodies together, at most (bytes)

struct RunFile {
    const demos::Demo* demo = nullptr;
    demos::Params params;            // resolved (resolve_params)
    uint64_t entropy_seed = 0;       // the run's os.urandom seed, below 2^53
    std::string base_url;            // where the crawler's relative URLs resolved (the page's address)
    RunInputs inputs;
    uint64_t end_iteration = 0;      // iterations run when the file was written
    Status end_status = Status::Running;   // not Idle
    bool operator==(const RunFile&) const = default;
};

// Why a run file cannot be read, naming the field and what it must be:
// "run file: inputs.fetches[2].response.status must be a whole number 0..999, got \"ok\"".
class RunFileError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// The JSON text. Throws RunFileError without a demo, for status Idle, a seed past 2^53 - 1, or a
// parameter's text or base_url that is not UTF-8.
std::string write_run_file(const RunFile& run);
// Checks every field (kinds, ranges, limits, order, the parameters through resolve_params) and
// throws RunFileError naming the first that is wrong.
RunFile read_run_file(std::string_view text);

}  // namespace aio::page
