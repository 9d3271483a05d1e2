// The names of the closed sets (closed_sets.hpp), in the enums' order.
#include "xueshe/closed_sets.hpp"

#include <array>

#include <nlohmann/json.hpp>

namespace xueshe {
namespace {

constexpr std::array<std::string_view, 11> kKinds = {
    "before_departure", "apply_by",        "review_window",  "form_by",        "new_org_created_by", "transfer_by",
    "complete_by",      "all_complete_by", "retention_ends", "retained_until", "cap_ends"};
constexpr std::array<std::string_view, 4> kStates = {"overdue", "today", "due_soon", "upcoming"};
constexpr std::array<std::string_view, 3> kWheres = {"system", "offline", "info"};

static_assert(kKinds.size() == static_cast<std::size_t>(DeadlineKind::cap_ends) + 1);
static_assert(kStates.size() == static_cast<std::size_t>(DeadlineState::upcoming) + 1);
static_assert(kWheres.size() == static_cast<std::size_t>(StepWhere::info) + 1);

template <typename Enum, std::size_t N>
std::optional<Enum> named(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == name) return static_cast<Enum>(i);
  return std::nullopt;
}

}  // namespace

std::string_view name(DeadlineKind kind) { return kKinds[static_cast<std::size_t>(kind)]; }
std::string_view name(DeadlineState state) { return kStates[static_cast<std::size_t>(state)]; }
std::string_view name(StepWhere where) { return kWheres[static_cast<std::size_t>(where)]; }

std::optional<DeadlineKind> deadline_kind_named(std::string_view n) { return named<DeadlineKind>(kKinds, n); }
std::optional<DeadlineState> deadline_state_named(std::string_view n) { return named<DeadlineState>(kStates, n); }
std::optional<StepWhere> step_where_named(std::string_view n) { return named<StepWhere>(kWheres, n); }

std::string catalog_key(DeadlineKind kind) { return "deadline." + std::string(name(kind)); }
std::string catalog_key(DeadlineState state) { return "state." + std::string(name(state)); }
std::string catalog_key(StepWhere where) { return "where." + std::string(name(where)); }

void to_json(nlohmann::json& j, DeadlineKind kind) { j = std::string(name(kind)); }
void to_json(nlohmann::json& j, DeadlineState state) { j = std::string(name(state)); }
void to_json(nlohmann::json& j, StepWhere where) { j = std::string(name(where)); }

}  // namespace xueshe
