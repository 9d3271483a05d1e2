#include "file_bytes.hpp"

#include <fcntl.h>
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

}  // namespace

std::optional<FileBytes> FileBytes::read(const std::string& path, std::size_t limit) {
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
  if (mapped_) ::munmap(const_cast<char*>(mapped_), mapped_size_);
}

}  // namespace xueshe::cli
