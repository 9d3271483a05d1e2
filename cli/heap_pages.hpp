// The memory a roster run is about to use, asked for at once and in huge pages.
//
// Checking a roster touches several times its size in fresh heap memory
// (records, fields, rows, the duplicate table, the output buffer), and every
// fresh 4 KiB page is a page fault: on the machines we measured a fault costs
// ≈ 13 µs, and a 100,000-row roster took ≈ 5,400 of them, a third of the run.
// Where the C library is glibc and the kernel gives huge pages on request
// (transparent_hugepage "madvise", Debian's default, or "always"), the heap is
// grown once by about what the run needs and huge pages are asked for over it
// (madvise MADV_HUGEPAGE): a 2 MiB page is one fault. Elsewhere, or when the
// heap cannot grow that way, nothing changes. What the run computes is the
// same either way; only where its memory comes from differs.
#pragma once
#include <cstddef>

namespace xueshe::cli {

// `bytes`: about how much heap memory the coming work will touch.
void prepare_heap(std::size_t bytes);

// The same for the heap of the calling thread, which glibc gives each thread
// that allocates (an arena of its own, grown in 4 KiB pages): called first
// thing on a thread that is about to do such work.
void prepare_thread_heap(std::size_t bytes);

}  // namespace xueshe::cli
