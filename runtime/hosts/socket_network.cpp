// Blocking HTTP/1.0 GETs on worker threads; the loop only ever sees finished answers.
#include "runtime/hosts/socket_network.hpp"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <cmath>
#include <cstring>

namespace aio {

namespace {

struct Url {
    std::string host, port = "80", path = "/";
};

FetchResult failure(FetchError::Kind kind, std::string message) {
    FetchResult r;
    r.failed = true;
    r.error = kind;
    r.message = std::move(message);
    return r;
}

// http://host[:port]/path?query (the fragment is never sent). False for anything else.
bool split_url(const std::string& url, Url& out) {
    if (url.size() < 7 || strncasecmp(url.c_str(), "http://", 7) != 0) return false;
    const size_t host_end = url.find_first_of("/?#", 7);
    std::string netloc = url.substr(7, host_end == std::string::npos ? std::string::npos : host_end - 7);
    if (const size_t at = netloc.rfind('@'); at != std::string::npos) netloc.erase(0, at + 1);
    if (const size_t colon = netloc.rfind(':'); colon != std::string::npos && netloc.find(']', colon) == std::string::npos) {
        out.port = netloc.substr(colon + 1);
        netloc.resize(colon);
        if (out.port.empty()) out.port = "80";
    }
    if (netloc.size() > 1 && netloc.front() == '[' && netloc.back() == ']') netloc = netloc.substr(1, netloc.size() - 2);
    out.host = netloc;
    if (host_end != std::string::npos) {
        out.path = url.substr(host_end, url.find('#', host_end) - host_end);
        if (out.path.empty() || out.path[0] != '/') out.path = "/" + out.path;
    }
    return !out.host.empty();
}

// Where a Location header points, from the URL that answered.
std::string resolve_location(const std::string& from, const std::string& loc) {
    if (loc.find("://") != std::string::npos) return loc;
    const size_t host_end = from.find_first_of("/?#", 7);
    const std::string origin = from.substr(0, host_end);
    if (loc.starts_with("//")) return "http:" + loc;
    if (loc.starts_with("/")) return origin + loc;
    std::string dir = host_end == std::string::npos ? "/" : from.substr(host_end, from.find_first_of("?#", host_end) - host_end);
    dir.resize(dir.rfind('/') + 1);
    return origin + dir + loc;
}

class Socket {
public:
    explicit Socket(int fd) : fd_(fd) {}
    ~Socket() { if (fd_ >= 0) ::close(fd_); }
    int fd() const { return fd_; }
private:
    int fd_;
};

FetchResult get_once(const std::string& url, const FetchOptions& options, std::string& location) {
    Url u;
    if (!split_url(url, u)) {
        if (url.size() >= 8 && strncasecmp(url.c_str(), "https://", 8) == 0)
            return failure(FetchError::Kind::Network, "https is not available in the terminal runner (no TLS here): " + url);
        return failure(FetchError::Kind::InvalidUrl, "not an http URL: " + url);
    }
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (int rc = getaddrinfo(u.host.c_str(), u.port.c_str(), &hints, &found); rc != 0)
        return failure(FetchError::Kind::Network, "cannot resolve " + u.host + ": " + gai_strerror(rc));
    std::string last_error = "no address";
    int fd = -1;
    for (addrinfo* a = found; a && fd < 0; a = a->ai_next) {
        fd = ::socket(a->ai_family, a->ai_socktype, a->ai_protocol);
        if (fd < 0) continue;
        if (options.timeout > 0) {   // bounds every blocking call; the loop's own timeout fires too
            timeval tv{static_cast<time_t>(options.timeout), static_cast<suseconds_t>(std::fmod(options.timeout, 1.0) * 1e6)};
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        }
        if (::connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
            last_error = std::strerror(errno);
            ::close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(found);
    if (fd < 0) return failure(FetchError::Kind::Network, "cannot connect to " + u.host + ":" + u.port + ": " + last_error);
    Socket sock(fd);

    const std::string request = std::string(options.method) + " " + u.path + " HTTP/1.0\r\nHost: " + u.host +
                                (u.port == "80" ? "" : ":" + u.port) +
                                "\r\nUser-Agent: aio-playground\r\nAccept: */*\r\nConnection: close\r\n\r\n";
    for (size_t sent = 0; sent < request.size();) {
        const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return failure(FetchError::Kind::Network, "sending to " + u.host + " failed: " + std::strerror(errno));
        sent += static_cast<size_t>(n);
    }
    std::string raw;
    size_t header_end = std::string::npos;
    bool truncated = false;
    char buf[16384];
    for (;;) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n == 0) break;
        if (n < 0) return failure(FetchError::Kind::Network, "reading from " + u.host + " failed: " + std::strerror(errno));
        raw.append(buf, static_cast<size_t>(n));
        if (header_end == std::string::npos) header_end = raw.find("\r\n\r\n");
        if (header_end != std::string::npos && raw.size() - header_end - 4 > options.max_body) {
            truncated = true;
            break;
        }
    }
    if (header_end == std::string::npos || !raw.starts_with("HTTP/"))
        return failure(FetchError::Kind::Network, "not an HTTP answer from " + u.host);

    FetchResult r;
    r.response.url = url;
    r.response.status = std::atoi(raw.c_str() + raw.find(' ') + 1);
    for (size_t at = raw.find("\r\n") + 2; at < header_end;) {
        const size_t eol = raw.find("\r\n", at);
        const std::string line = raw.substr(at, eol - at);
        at = eol + 2;
        const size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        if (name == "content-type") r.response.content_type = value;
        if (name == "location") location = value;
    }
    r.response.body = raw.substr(header_end + 4, options.max_body);
    r.response.truncated = truncated || raw.size() - header_end - 4 > options.max_body;
    return r;
}

}  // namespace

FetchResult SocketNetwork::get(std::string url, const FetchOptions& options) {
    for (int hops = 0; hops < 10; ++hops) {
        std::string location;
        FetchResult r = get_once(url, options, location);
        const int s = r.response.status;
        if (r.failed || location.empty() || !(s == 301 || s == 302 || s == 303 || s == 307 || s == 308)) return r;
        url = resolve_location(url, location);
    }
    return failure(FetchError::Kind::Network, "too many redirects: " + url);
}

SocketNetwork::~SocketNetwork() {
    for (auto& [id, req] : requests_)
        if (req.thread.joinable()) req.thread.join();
}

uint64_t SocketNetwork::start(const std::string& url, const FetchOptions& options, std::function<void(FetchResult)> done) {
    std::lock_guard lock(mu_);
    const uint64_t id = next_id_++;
    Request& req = requests_[id];
    req.done = std::move(done);
    req.thread = std::thread([this, id, url, options] {
        FetchResult r = get(url, options);
        std::lock_guard lock(mu_);
        requests_[id].result = std::move(r);
        answered_.notify_all();
    });
    return id;
}

void SocketNetwork::abort(uint64_t id) {
    std::lock_guard lock(mu_);
    auto it = requests_.find(id);
    if (it != requests_.end()) it->second.aborted = true;   // its thread ends on its own; done never runs
}

bool SocketNetwork::busy() const {
    std::lock_guard lock(mu_);
    for (const auto& [id, req] : requests_)
        if (!req.aborted) return true;
    return false;
}

void SocketNetwork::wait_and_deliver(std::optional<Clock::time_point> until) {
    std::vector<std::pair<std::function<void(FetchResult)>, FetchResult>> ready;
    {
        std::unique_lock lock(mu_);
        auto any_answer = [&] {
            for (const auto& [id, req] : requests_)
                if (req.result) return true;
            return false;
        };
        if (until) answered_.wait_until(lock, *until, any_answer);
        else answered_.wait(lock, any_answer);
        for (auto it = requests_.begin(); it != requests_.end();) {
            if (!it->second.result) {
                ++it;
                continue;
            }
            it->second.thread.join();   // it has stored its answer: it is ending
            if (!it->second.aborted) ready.emplace_back(std::move(it->second.done), std::move(*it->second.result));
            it = requests_.erase(it);
        }
    }
    for (auto& [done, result] : ready) done(std::move(result));
}

}  // namespace aio
