// age_band: what the age rule (团章.1, the national layer) needs of a birth
// date, without the date. A share link carries it in place of birth_date
// (share.hpp), and the flow accepts it at the birth-date question: the route,
// dates, steps and clauses come out as from the birth date it stands for.
#pragma once

namespace xueshe::age_band {

inline constexpr const char* field = "age_band";
// At the age limit by graduation, counted as the age rule counts it
// (at_age_limit_by_graduation, decisions.cpp).
inline constexpr const char* at_limit = "at_limit_by_graduation";
// Under it at graduation, at it on or before the last date that applies to the
// outcome (the age_limit_before_deadline warning, warnings.cpp).
inline constexpr const char* before_deadline = "reaches_limit_before_deadline";
// Under it on every date that applies to the outcome.
inline constexpr const char* under = "under_limit";

}  // namespace xueshe::age_band
