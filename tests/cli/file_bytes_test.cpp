// The roster command's file reading (cli/file_bytes.cpp): a mapped file that
// another program cuts short while it is read ends the process with the
// message it was given and status 2, never a crash (SIGBUS). Run in a child
// process, which the guard ends.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "file_bytes.hpp"

using xueshe::cli::FileBytes;

namespace {

std::string temp_file(std::size_t size) {
  char name[] = "/tmp/xueshe-file-bytes-XXXXXX";
  const int fd = ::mkstemp(name);
  REQUIRE(fd >= 0);
  ::close(fd);
  std::ofstream(name, std::ios::binary) << std::string(size, 'x');
  return name;
}

struct Child {
  int status = 0;
  std::string err;
};

// Runs `body` in a child whose stderr is captured; the child ends with 0 if body returns.
template <typename Body>
Child in_child(Body body) {
  int pipe_fds[2];
  REQUIRE(::pipe(pipe_fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(pipe_fds[1], STDERR_FILENO);
    ::close(pipe_fds[0]);
    body();
    ::_exit(0);
  }
  ::close(pipe_fds[1]);
  Child c;
  char buf[512];
  for (ssize_t n; (n = ::read(pipe_fds[0], buf, sizeof buf)) > 0;) c.err.append(buf, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  REQUIRE(::waitpid(pid, &c.status, 0) == pid);
  return c;
}

}  // namespace

TEST_CASE("file bytes: a mapped file cut short while it is read ends with the message and status 2, not SIGBUS") {
  const std::string path = temp_file(1 << 20);
  const Child c = in_child([&path] {
    const auto bytes = FileBytes::read(path, std::size_t{1} << 30, "cut short\n");
    if (!bytes || bytes->view().size() != (1u << 20)) ::_exit(3);
    if (::truncate(path.c_str(), 4096) != 0) ::_exit(4);
    volatile char past_the_end = bytes->view()[600000];  // a page that no longer exists
    static_cast<void>(past_the_end);
    ::_exit(5);
  });
  REQUIRE(WIFEXITED(c.status));  // not killed by a signal
  CHECK(WEXITSTATUS(c.status) == 2);
  CHECK(c.err == "cut short\n");
  std::remove(path.c_str());
}

TEST_CASE("file bytes: a file read whole, and once it is let go a SIGBUS is no longer taken for it") {
  const std::string path = temp_file(100000);
  const Child read = in_child([&path] {
    const auto bytes = FileBytes::read(path, std::size_t{1} << 30, "cut short\n");
    if (!bytes || bytes->view() != std::string(100000, 'x')) ::_exit(3);
  });
  CHECK(WIFEXITED(read.status));
  CHECK(WEXITSTATUS(read.status) == 0);
  CHECK(read.err.empty());
  // After the FileBytes is gone, SIGBUS is what it was before: here a handler of the child's own (a sanitizer's,
  // or the default, would otherwise be the one before).
  const Child after = in_child([&path] {
    struct sigaction own {};
    own.sa_handler = [](int) {
      const ssize_t n = ::write(STDERR_FILENO, "own\n", 4);
      static_cast<void>(n);
      ::_exit(7);
    };
    sigemptyset(&own.sa_mask);
    ::sigaction(SIGBUS, &own, nullptr);
    { const auto bytes = FileBytes::read(path, std::size_t{1} << 30, "cut short\n"); }
    ::raise(SIGBUS);
  });
  REQUIRE(WIFEXITED(after.status));
  CHECK(WEXITSTATUS(after.status) == 7);
  CHECK(after.err == "own\n");
  std::remove(path.c_str());
}
