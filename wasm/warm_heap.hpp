// The staff module's heap, made ready for a roster before one is chosen.
//
// A browser gives a wasm module fresh memory as the operating system gives a
// process fresh pages: each is faulted in and zeroed the first time it is
// written. A 100,000-row roster's check writes some 60 MB the page has not
// touched before, and those first writes were a fifth of the check's time in
// Chromium (bench/staff-page.mjs: file → summary ≈ 490 → 420 ms, GB18030
// ≈ 740 → 600 ms). The page calls warm_heap when the browser is idle after its
// practice roster: the heap grows by `bytes` and every page of it is written
// once, then handed back to the allocator, which gives it out again to the
// next check. The memory stays the module's (a wasm module's memory never
// shrinks), as it would after one check of such a roster.
#pragma once
#include <cstddef>

namespace xueshe_wasm {

// true when the heap could grow by `bytes` (the memory is then written once).
bool warm_heap(std::size_t bytes);

}  // namespace xueshe_wasm
