// The closed sets of the policy format and of a result, typed: a deadline's
// kind and state, and where a step is done. Inside core they are these enums;
// their names (the words of the policy format and of SPEC §3's JSON, and the
// catalog keys "deadline.<kind>", "state.<state>", "where.<where>") appear only
// where a policy is read or a result is written (closed_sets.cpp).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace xueshe {

// In the order a member meets them on one day (SPEC §3: deadlines on the same
// date are listed in this order, then by clause).
enum class DeadlineKind : unsigned char {
  before_departure,
  apply_by,
  review_window,
  form_by,
  new_org_created_by,
  transfer_by,
  complete_by,
  all_complete_by,
  retention_ends,
  retained_until,
  cap_ends,
};

// SPEC §3, most urgent first: overdue < 0 days left, today = 0, due_soon <= 14, else upcoming.
enum class DeadlineState : unsigned char { overdue, today, due_soon, upcoming };
inline constexpr DeadlineState kDeadlineStates[] = {DeadlineState::overdue, DeadlineState::today,
                                                    DeadlineState::due_soon, DeadlineState::upcoming};

// Where a step is done: in 智慧团建, offline, or only to know.
enum class StepWhere : unsigned char { system, offline, info };

std::string_view name(DeadlineKind kind);
std::string_view name(DeadlineState state);
std::string_view name(StepWhere where);

// The kind, state or place a name stands for; nullopt for any other word.
std::optional<DeadlineKind> deadline_kind_named(std::string_view name);
std::optional<DeadlineState> deadline_state_named(std::string_view name);
std::optional<StepWhere> step_where_named(std::string_view name);

// The catalog key of a kind, state or place: "deadline.apply_by", "state.overdue", "where.system".
std::string catalog_key(DeadlineKind kind);
std::string catalog_key(DeadlineState state);
std::string catalog_key(StepWhere where);

// Written into JSON they are their names (never numbers); none is read from
// JSON implicitly: a name is read with the *_named functions, where an unknown
// word can be said.
void to_json(nlohmann::json& j, DeadlineKind kind);
void to_json(nlohmann::json& j, DeadlineState state);
void to_json(nlohmann::json& j, StepWhere where);
void from_json(const nlohmann::json& j, DeadlineKind& kind) = delete;
void from_json(const nlohmann::json& j, DeadlineState& state) = delete;
void from_json(const nlohmann::json& j, StepWhere& where) = delete;

}  // namespace xueshe
