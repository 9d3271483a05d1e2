// The compact form (policy_binary.hpp): a magic word, then the shape (counts,
// numbers, flags and each text's length, as LEB128 varints) and then every
// text's bytes, one after the other; dates and closed-set words (a step's
// place, a deadline's kind) are texts, written as the policy file writes them. Texts together compress better than
// interleaved with the numbers, and the page's module is served gzip'd.
#include "xueshe/policy_binary.hpp"

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "hash.hpp"
#include "policy_fields.hpp"
#include "xueshe/closed_sets.hpp"
#include "xueshe/dates.hpp"

namespace xueshe {
namespace {

constexpr std::string_view kMagic = "xueshe-policy-binary/1\n";

class Writer {
 public:
  template <class... T> void operator()(const T&... values) { (put(values), ...); }

  std::string bytes() const {
    std::string out(kMagic);
    std::string length;
    varint(length, shape_.size());
    return out + length + shape_ + texts_;
  }

 private:
  static void varint(std::string& out, std::uint64_t n) {
    do {
      unsigned char b = n & 0x7f;
      n >>= 7;
      out.push_back(static_cast<char>(n ? b | 0x80 : b));
    } while (n);
  }
  void number(std::uint64_t n) { varint(shape_, n); }
  void put(bool b) { number(b ? 1 : 0); }
  void put(int n) { number(n < 0 ? (std::uint64_t(-(std::int64_t(n) + 1)) << 1) | 1 : std::uint64_t(n) << 1); }
  void put(const std::string& s) {
    number(s.size());
    texts_ += s;
  }
  void put(const Date& d) { put(format_iso_date(d)); }  // as in the policy file: a date can be found in the bytes
  void put(DeadlineKind k) { put(std::string(name(k))); }
  void put(StepWhere w) { put(std::string(name(w))); }
  template <class T> void put(const std::optional<T>& o) {
    put(o.has_value());
    if (o) put(*o);
  }
  template <class T> void put(const std::vector<T>& items) {
    number(items.size());
    for (const T& x : items) put(x);
  }
  template <class K, class T> void put(const std::map<K, T>& items) {
    number(items.size());
    for (const auto& [k, x] : items) put(k), put(x);
  }
  void put(const Localized& l) { put(static_cast<const std::map<std::string, std::string>&>(l)); }
  template <class A, class B> void put(const std::pair<A, B>& p) { put(p.first), put(p.second); }
  // A struct: its fields (policy_fields.hpp). fields() takes a mutable
  // reference, shared with the reader; the writer only reads through it.
  template <class S> auto put(const S& s) -> decltype(fields(*this, const_cast<S&>(s))) {
    fields(*this, const_cast<S&>(s));
  }

  std::string shape_, texts_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) {
    if (bytes.substr(0, kMagic.size()) != kMagic) {
      bad_ = true;
      return;
    }
    shape_ = bytes.substr(kMagic.size());
    const std::uint64_t n = number();
    if (bad_ || n > shape_.size()) {
      bad_ = true;
      return;
    }
    texts_ = shape_.substr(n);
    shape_ = shape_.substr(0, n);
  }

  template <class... T> void operator()(T&... values) { (get(values), ...); }

  // Every byte read, none left over, nothing out of range.
  bool complete() const { return !bad_ && shape_.empty() && texts_.empty(); }

 private:
  std::uint64_t number() {
    std::uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (shape_.empty()) break;
      const auto b = static_cast<unsigned char>(shape_.front());
      shape_.remove_prefix(1);
      n |= std::uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) return n;
    }
    bad_ = true;
    return 0;
  }
  // A count of items, each at least one byte of the shape: never more than are left.
  std::size_t count() {
    const std::uint64_t n = number();
    if (n > shape_.size()) bad_ = true;
    return bad_ ? 0 : std::size_t(n);
  }
  void get(bool& b) { b = number() != 0; }
  void get(int& n) {
    const std::uint64_t z = number();
    if (z > 0xffffffffu) bad_ = true;
    n = bad_ ? 0 : (z & 1) ? -int(z >> 1) - 1 : int(z >> 1);
  }
  void get(std::string& s) {
    const std::uint64_t n = number();
    if (bad_ || n > texts_.size()) {
      bad_ = true;
      return;
    }
    s.assign(texts_.substr(0, n));
    texts_.remove_prefix(n);
  }
  void get(Date& d) {
    std::string text;
    get(text);
    if (auto day = parse_iso_date(text)) d = *day;
    else bad_ = true;
  }
  template <class E, class Named> void get_named(E& e, Named named) {
    std::string word;
    get(word);
    if (auto x = named(word)) e = *x;
    else bad_ = true;
  }
  void get(DeadlineKind& k) { get_named(k, deadline_kind_named); }
  void get(StepWhere& w) { get_named(w, step_where_named); }
  template <class T> void get(std::optional<T>& o) {
    bool present = false;
    get(present);
    if (!present || bad_) return;
    // Made here, then moved in: clang's optional<T>::emplace() refuses a nested
    // struct with default member initializers (Period::Cap).
    T value{};
    get(value);
    o = std::move(value);
  }
  template <class T> void get(std::vector<T>& items) {
    const std::size_t n = count();
    items.resize(n);
    for (T& x : items) get(x);
  }
  template <class K, class T> void get(std::map<K, T>& items) {
    const std::size_t n = count();
    for (std::size_t i = 0; i < n && !bad_; ++i) {
      K k{};
      get(k);
      get(items[std::move(k)]);
    }
  }
  void get(Localized& l) { get(static_cast<std::map<std::string, std::string>&>(l)); }
  template <class A, class B> void get(std::pair<A, B>& p) { get(p.first), get(p.second); }
  template <class S> auto get(S& s) -> decltype(fields(*this, s)) { fields(*this, s); }

  std::string_view shape_, texts_;
  bool bad_ = false;
};

}  // namespace

std::string policy_to_binary(const Policy& policy) {
  Writer w;
  w(policy);
  return w.bytes();
}

std::optional<Policy> policy_from_binary(std::string_view bytes) {
  Reader r(bytes);
  Policy policy;
  r(policy);
  if (!r.complete()) return std::nullopt;
  policy.hash = chain_hash(policy.layers);
  return policy;
}

}  // namespace xueshe
