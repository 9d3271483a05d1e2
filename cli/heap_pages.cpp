#include "heap_pages.hpp"

#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace xueshe::cli {

void prepare_heap(std::size_t bytes) {
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  constexpr std::size_t kHuge = std::size_t{2} << 20;          // a huge page on x86-64 and arm64
  constexpr std::size_t kLargestFromHeap = std::size_t{32} << 20;  // glibc's ceiling for M_MMAP_THRESHOLD
  constexpr std::size_t kDefaultTopPad = std::size_t{128} << 10;   // glibc's M_TOP_PAD
  if (bytes < kHuge) return;
  // Blocks up to 32 MiB (a large roster's vectors) from the heap rather than
  // each a mapping of its own, and a heap that is not given back when one of
  // them is freed (a vector that grows frees its smaller self).
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kLargestFromHeap));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(bytes > INT32_MAX ? INT32_MAX : bytes));
  // The next growth of the heap adds `bytes` beyond what it was asked for:
  // ask for more than the heap has free, once, and hand it straight back.
  auto* const before = static_cast<char*>(sbrk(0));
  mallopt(M_TOP_PAD, static_cast<int>(bytes > INT32_MAX ? INT32_MAX : bytes));
  void* volatile grown = std::malloc(std::size_t{1} << 20);  // volatile: a compiler drops free(malloc(n))
  std::free(grown);
  mallopt(M_TOP_PAD, static_cast<int>(kDefaultTopPad));
  auto* const after = static_cast<char*>(sbrk(0));
  if (before == reinterpret_cast<char*>(-1) || after <= before) return;  // not grown by sbrk: nothing to ask
  const auto start = (reinterpret_cast<std::uintptr_t>(before) + kHuge - 1) & ~(kHuge - 1);
  const auto end = reinterpret_cast<std::uintptr_t>(after) & ~(kHuge - 1);
  if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);  // a refusal changes nothing
#else
  static_cast<void>(bytes);
#endif
}

void prepare_thread_heap(std::size_t bytes) {
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  if (bytes < 2 * kHuge) return;
  // One block of about that size from this thread's arena (prepare_heap's threshold keeps it out of a mapping
  // of its own and its trim threshold keeps the arena grown once it is freed), asked for in huge pages.
  void* volatile block = std::malloc(bytes);
  if (!block) return;
  const auto start = (reinterpret_cast<std::uintptr_t>(block) + kHuge - 1) & ~(kHuge - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(block) + bytes) & ~(kHuge - 1);
  if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);  // a refusal changes nothing
  std::free(block);
#else
  static_cast<void>(bytes);
#endif
}

}  // namespace xueshe::cli
