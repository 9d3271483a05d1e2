#include "file_bytes.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace xueshe::cli {
namespace {

// Closes the descriptor on every way out.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// The mapping a SIGBUS is answered for, and what is said then. Process-wide,
// as signal handlers are; set while a FileBytes maps a file.
struct ShrinkGuard {
  const char* begin = nullptr;
  std::size_t size = 0;
  std::string message;
  struct sigaction previous {};
};
ShrinkGuard guard;

void on_sigbus(int, siginfo_t* info, void*) {
  const auto* at = static_cast<const char*>(info->si_addr);
  if (guard.begin && at >= guard.begin && at < guard.begin + guard.size) {
    const ssize_t written = ::write(STDERR_FILENO, guard.message.data(), guard.message.size());
    static_cast<void>(written);
    ::_exit(2);
  }
  // Not in the mapped file: as it would have been. Returning runs the faulting
  // instruction again, now under the previous action.
  ::sigaction(SIGBUS, &guard.previous, nullptr);
}

void guard_mapping(const char* begin, std::size_t size, std::string message) {
  guard.message = std::move(message);
  struct sigaction action {};
  action.sa_sigaction = on_sigbus;
  action.sa_flags = SA_SIGINFO;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGBUS, &action, &guard.previous);
  guard.size = size;
  guard.begin = begin;
}

void unguard_mapping(const char* begin) {
  if (guard.begin != begin) return;
  guard.begin = nullptr;
  ::sigaction(SIGBUS, &guard.previous, nullptr);
}

}  // namespace

std::optional<FileBytes> FileBytes::read(const std::string& path, std::size_t limit, std::string if_shrunk) {
  Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(file.fd, &st) != 0 || S_ISDIR(st.st_mode)) return std::nullopt;
  FileBytes bytes;
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    const auto size = std::min(static_cast<std::size_t>(st.st_size), limit + 1);
    // MAP_POPULATE: the pages are mapped in this one call, not faulted in one by one.
    void* at = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, file.fd, 0);
    if (at != MAP_FAILED) {
      bytes.mapped_ = static_cast<const char*>(at);
      bytes.mapped_size_ = size;
      guard_mapping(bytes.mapped_, size, std::move(if_shrunk));
      return bytes;
    }
  }
  // Not a regular file (or one that cannot be mapped): read it, at most limit + 1 bytes.
  char buf[1 << 16];
  while (bytes.read_.size() <= limit) {
    const ssize_t n = ::read(file.fd, buf, sizeof buf);
    if (n < 0) return std::nullopt;
    if (n == 0) break;
    bytes.read_.append(buf, static_cast<std::size_t>(n));
  }
  return bytes;
}

FileBytes::FileBytes(FileBytes&& other) noexcept
    : mapped_(other.mapped_), mapped_size_(other.mapped_size_), read_(std::move(other.read_)) {
  other.mapped_ = nullptr;
  other.mapped_size_ = 0;
}

FileBytes::~FileBytes() {
  if (!mapped_) return;
  unguard_mapping(mapped_);
  ::munmap(const_cast<char*>(mapped_), mapped_size_);
}

}  // namespace xueshe::cli
