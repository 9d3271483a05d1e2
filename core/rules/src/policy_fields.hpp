// Every field of a loaded policy, listed once per struct: the compact form of
// the built-in policy (policy_binary.cpp) writes and reads exactly these, in
// this order. A field added to a struct in policy.hpp or national.hpp must be
// added here too; tests/unit/policy_binary_test.cpp fails for any field that
// changes an outcome and is missing (every path of every policy is evaluated
// from the policy as loaded and from its compact form, and both must agree).
#pragma once
#include "xueshe/national.hpp"
#include "xueshe/policy.hpp"

namespace xueshe {

template <class V> void fields(V& v, Clause& c) { v(c.id, c.title, c.text); }
template <class V> void fields(V& v, StuckHelp& s) { v(s.id, s.when, s.text, s.clause, s.general_advice); }
template <class V> void fields(V& v, NationalLayer& n) {
  v(n.id, n.title, n.last_verified, n.clauses, n.age_limit, n.age_counted_at, n.rule_clauses, n.external_regions,
    n.if_stuck, n.hash);
}
template <class V> void fields(V& v, DeadlineRule& d) {
  v(d.kind, d.opens, d.date, d.clause, d.applies_to, d.not_for, d.what, d.label);
}
template <class V> void fields(V& v, StaffDate& s) { v(s.date, s.clause, s.what); }
template <class V> void fields(V& v, Target& t) { v(t.percent, t.date, t.clause, t.what); }
template <class V> void fields(V& v, Period::Cap& c) { v(c.value, c.unit, c.when); }
template <class V> void fields(V& v, Period& p) { v(p.value, p.unit, p.clause, p.cap); }
template <class V> void fields(V& v, RouteStep& s) {
  v(s.id, s.where, s.text, s.clause, s.rule, s.condition, s.document);
}
template <class V> void fields(V& v, Fallback& f) { v(f.route, f.when, f.clause); }
template <class V> void fields(V& v, PersonalDeadline& d) {
  v(d.kind, d.from, d.period, d.condition, d.clause, d.what);
}
template <class V> void fields(V& v, RouteEntry& r) {
  v(r.id, r.clause, r.transfers, r.ask_region, r.org, r.started_by, r.fallback, r.steps, r.deadline);
}
template <class V> void fields(V& v, DestinationRules& d) {
  v(d.clause, d.routes, d.mode, d.retention, d.bases, d.bases_preferred_first, d.no_residence_org_clause);
}
template <class V> void fields(V& v, Situation& s) {
  v(s.id, s.label, s.destination, s.clause, s.general_advice, s.national);
}
template <class V> void fields(V& v, PolicyLayerSummary& l) { v(l.id, l.layer, l.hash, l.title, l.last_verified); }
template <class V, class T> void fields(V& v, Cited<T>& c) { v(c.value, c.clause); }
// Policy::hash is not listed: it is made from the layers' hashes (chain_hash), by the reader as by the loader.
template <class V> void fields(V& v, Policy& p) {
  v(p.id, p.layer, p.school, p.title, p.cohort, p.usual_graduation_date, p.notice_date, p.last_verified, p.region,
    p.ask_whom, p.ask_whom_clause, p.clauses, p.clause_layer, p.routes, p.rule_clauses, p.periods, p.destinations,
    p.situations, p.wording, p.deadlines, p.staff_dates, p.targets, p.unverified, p.unverified_bases,
    p.layers, p.provenance, p.national);
}

}  // namespace xueshe
