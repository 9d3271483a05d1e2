// The age rule's reading of a birth date (age_rule.hpp).
#include "xueshe/age_rule.hpp"

namespace xueshe {

Date age_limit_birthday(const Date& birth, int age_limit) { return add_months_clamped(birth, 12 * age_limit); }

Date age_limit_cutoff(const Flow& flow, const Date& graduation) {
  return flow.age_counted_at_month
             ? Date{graduation.year(), graduation.month(), (graduation.year() / graduation.month() / date::last).day()}
             : graduation;
}

bool at_age_limit_by(const Flow& flow, const Date& birth, const Date& graduation) {
  return age_limit_birthday(birth, flow.age_limit) <= age_limit_cutoff(flow, graduation);
}

}  // namespace xueshe
