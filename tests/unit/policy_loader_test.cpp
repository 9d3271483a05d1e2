#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_policies.hpp"

using namespace xueshe;

TEST_CASE("the built-in 2022 policy loads with every date and clause of the notice") {
  Policy p = must_load(std::string(builtin_policy_text()));
  CHECK(p.id == "hxci-2022");
  CHECK(p.cohort == 2022);
  CHECK(format_iso_date(p.notice_date) == "2022-05-16");
  for (const char* id : {"二.1", "二.2", "二.3", "二.4", "二.5", "二.6", "二.7", "二.8", "三.1", "三.2", "三.2①",
                         "三.2③", "三.2④", "三.3", "三.5"})
    CHECK(p.find_clause(id) != nullptr);
  CHECK(p.retention_months.value == 6);
  CHECK(p.retention_months.clause == "二.4");
  CHECK(p.new_org_within_months.value == 1);
  CHECK_FALSE(p.receiving_review_days.has_value());
  std::vector<std::string> dated;
  for (const auto& d : p.deadlines) dated.push_back(d.kind + " " + format_iso_date(d.date) + " " + d.clause);
  CHECK(dated == std::vector<std::string>{"apply_by 2022-08-31 三.2", "complete_by 2022-08-31 三.2③",
                                          "complete_by 2022-10-01 三.2④", "all_complete_by 2022-10-31 三.2"});
  REQUIRE(p.staff_dates.size() == 2);
  CHECK(format_iso_date(p.staff_dates[1].date) == "2022-05-30");
  CHECK(p.staff_dates[1].clause == "三.2①");
  CHECK(p.hash.size() == 16);
}

TEST_CASE("other schools' notices are expressed as data - without code changes") {
  Policy a = must_load(policy_texts()[1]);
  CHECK(a.retention_months.value == 12);
  CHECK(a.community_bases.value == std::vector<std::string>{"hukou", "origin"});
  CHECK_FALSE(a.youth_home_alternative.value);
  REQUIRE(a.receiving_review_days.has_value());
  CHECK(a.receiving_review_days->value == 15);
  REQUIRE(a.deadlines.front().opens.has_value());
  CHECK(format_iso_date(*a.deadlines.front().opens) == "2025-06-01");

  Policy b = must_load(policy_texts()[2]);
  CHECK(b.retention_months.value == 0);
  CHECK(b.community_bases.value == std::vector<std::string>{"residence"});
  CHECK(b.new_org_within_months.value == 2);
}

TEST_CASE("broken policy files are rejected with the JSON path of the fault") {
  const std::string dir = std::string(XUESHE_SOURCE_DIR) + "/tests/policies/broken/";
  auto expected = nlohmann::json::parse(read_text(dir + "expected.json"));
  REQUIRE(expected.size() >= 15);
  for (auto it = expected.begin(); it != expected.end(); ++it) {
    INFO(it.key());
    auto r = load_policy(read_text(dir + it.key()));
    REQUIRE(r.error.has_value());
    CHECK_FALSE(r.policy.has_value());
    CHECK(r.error->code == it.value()["code"].get<std::string>());
    CHECK(r.error->field == it.value()["field"].get<std::string>());
  }
}
