// The age rule (团章.1, the national layer) as the engine reads a birth date:
// the day the member reaches the age limit, and whether that day comes by
// graduation. The flow's decision (at_age_limit_by_graduation, decisions.cpp),
// the age warning (age_limit_before_deadline, warnings.cpp) and a roster's
// grouping of members by what their birth date decides (roster.cpp) all read
// it here, so they cannot drift apart.
#pragma once
#include "xueshe/dates.hpp"
#include "xueshe/flow.hpp"

namespace xueshe {

// The day a member born on `birth` turns `age_limit` (a 29 February birthday
// falls on 28 February in a common year).
Date age_limit_birthday(const Date& birth, int age_limit);

// Whether that day comes by graduation, as the flow counts it: on or before
// the graduation date, or by the end of the graduation month when the policy
// counts ages at the month (national.age_counted_at).
bool at_age_limit_by(const Flow& flow, const Date& birth, const Date& graduation);

// The last day that counts as by graduation: at_age_limit_by is
// age_limit_birthday(birth) <= this day (a roster reads it once per
// graduation date rather than once per member).
Date age_limit_cutoff(const Flow& flow, const Date& graduation);

}  // namespace xueshe
