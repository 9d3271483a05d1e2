// Internal: a map from byte strings to values for keys looked up once per
// roster row (the row's answers as written, its transfer status). Open
// addressing over a power-of-two array of small slots (the hash and where the
// entry is), keys kept end to end in one string: a lookup is one hash, one
// slot and one comparison, where std::unordered_map divides by a prime and
// follows a node and its key's own allocation. No erase.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace xueshe {

// A hash for keys looked up row after row: eight bytes a step, each mixed in
// with one multiplication, then the whole mixed once more so that the low bits
// (a power-of-two table's index) depend on every byte. std::hash (murmur) took
// twice the instructions on a roster's keys. Not for keys chosen to collide:
// a roster is the staff's own file.
inline std::size_t key_hash(std::string_view key) {
  constexpr std::uint64_t kMul = 0xBF58476D1CE4E5B9ULL;
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ key.size();
  const char* p = key.data();
  std::size_t n = key.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    h = (h ^ w) * kMul;
    h ^= h >> 31;
  }
  if (n > 0) {
    std::uint64_t w = 0;
    for (std::size_t i = 0; i < n; ++i) w |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    h = (h ^ w) * kMul;
    h ^= h >> 31;
  }
  h ^= h >> 29;
  h *= 0x94D049BB133111EBULL;
  h ^= h >> 32;
  return static_cast<std::size_t>(h);
}

template <typename Value>
class KeyTable {
 public:
  // The value stored for `key`, or nullptr. Valid until the next add().
  Value* find(std::string_view key) {
    if (values_.empty()) return nullptr;
    const std::size_t hash = key_hash(key);
    for (std::size_t i = hash & mask();; i = (i + 1) & mask()) {
      const Slot& s = slots_[i];
      if (s.entry == 0) return nullptr;
      if (s.hash == hash && key_of(s.entry - 1) == key) return &values_[s.entry - 1];
    }
  }

  std::size_t size() const { return values_.size(); }

  // Stores `value` for `key`, which find() does not know yet.
  Value& add(std::string_view key, Value value) {
    if ((values_.size() + 1) * 4 > slots_.size() * 3) grow();  // at most 3/4 full
    keys_.append(key);
    key_ends_.push_back(keys_.size());
    values_.push_back(std::move(value));
    place(Slot{key_hash(key), values_.size()});
    return values_.back();
  }

 private:
  struct Slot {
    std::size_t hash = 0;
    std::size_t entry = 0;  // 1 + index into values_ and key_ends_; 0 = empty
  };

  std::size_t mask() const { return slots_.size() - 1; }
  std::string_view key_of(std::size_t entry) const {
    const std::size_t start = entry == 0 ? 0 : key_ends_[entry - 1];
    return std::string_view(keys_).substr(start, key_ends_[entry] - start);
  }
  void place(Slot slot) {
    std::size_t i = slot.hash & mask();
    while (slots_[i].entry != 0) i = (i + 1) & mask();
    slots_[i] = slot;
  }
  void grow() {
    std::vector<Slot> old(slots_.empty() ? 64 : slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.entry != 0) place(s);
  }

  std::vector<Slot> slots_;
  std::string keys_;
  std::vector<std::size_t> key_ends_;
  std::vector<Value> values_;
};

}  // namespace xueshe
