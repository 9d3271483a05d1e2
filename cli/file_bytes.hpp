// A roster file's bytes as one view: a regular file is mapped (the page cache's
// pages, no copy and no fresh memory to fault in; a 12 MB roster read into a
// string cost more than checking it), anything else (a pipe, /dev/stdin) is
// read into memory.
//
// A mapped file that another program makes shorter while it is mapped loses
// the pages past its new end, and reading one of them raises SIGBUS. While a
// FileBytes maps a file, a SIGBUS in its pages writes `if_shrunk` to stderr and
// ends the process with status 2 (the CLI's status for bad input), rather than
// crashing: the output written so far is then incomplete, which the message
// says. One mapped file at a time (the roster command reads one).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace xueshe::cli {

class FileBytes {
 public:
  // nullopt when `path` cannot be read (a folder included). A file over
  // `limit` bytes gives at least limit + 1 bytes (the caller reports it) and
  // is never read whole.
  static std::optional<FileBytes> read(const std::string& path, std::size_t limit, std::string if_shrunk);

  FileBytes(FileBytes&& other) noexcept;
  FileBytes& operator=(FileBytes&&) = delete;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;
  ~FileBytes();

  std::string_view view() const { return mapped_ ? std::string_view(mapped_, mapped_size_) : std::string_view(read_); }

 private:
  FileBytes() = default;
  const char* mapped_ = nullptr;  // munmap'ed on destruction
  std::size_t mapped_size_ = 0;
  std::string read_;              // when not mapped
};

}  // namespace xueshe::cli
