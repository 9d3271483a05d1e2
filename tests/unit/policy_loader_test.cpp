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
  REQUIRE(p.period("retention") != nullptr);
  CHECK(p.period("retention")->value == 6);
  CHECK(p.period("retention")->unit == "months");
  CHECK(p.period("retention")->clause == "二.4");
  CHECK(p.period("new_org")->value == 1);
  CHECK(p.period("review") == nullptr);
  // The chain: the seed notice on the national root.
  REQUIRE(p.layers.size() == 2);
  CHECK(p.layers[0].id == "hxci-2022");
  CHECK(p.layers[1].id == "cn-league");
  CHECK(p.route("special_unit_pool")->clause == "二.3");
  CHECK(p.route("age_out")->clause == "团章.1");
  std::vector<std::string> dated;
  for (const auto& d : p.deadlines) dated.push_back(std::string(name(d.kind)) + " " + format_iso_date(d.date) + " " + d.clause);
  CHECK(dated == std::vector<std::string>{"apply_by 2022-08-31 三.2", "complete_by 2022-08-31 三.2③",
                                          "complete_by 2022-10-01 三.2④", "all_complete_by 2022-10-31 三.2"});
  REQUIRE(p.staff_dates.size() == 2);
  CHECK(format_iso_date(p.staff_dates[1].date) == "2022-05-30");
  CHECK(p.staff_dates[1].clause == "三.2①");
  CHECK(p.hash.size() == 16);
}

TEST_CASE("other schools' notices are expressed as data - without code changes") {
  Policy a = must_load(policy_texts()[1]);
  CHECK(a.period("retention")->value == 12);
  CHECK(a.destination("unsettled")->bases.value == std::vector<std::string>{"hukou", "origin"});
  CHECK(a.destination("employed")->route("youth_home").empty());
  REQUIRE(a.period("review") != nullptr);
  CHECK(a.period("review")->value == 15);
  CHECK(a.period("review")->unit == "days");
  REQUIRE(a.deadlines.front().opens.has_value());
  CHECK(format_iso_date(*a.deadlines.front().opens) == "2025-06-01");

  Policy b = must_load(policy_texts()[2]);
  CHECK(b.period("retention") == nullptr);
  CHECK(b.destination("unsettled")->retention.empty());
  CHECK(b.destination("unsettled")->bases.value == std::vector<std::string>{"residence"});
  CHECK(b.period("new_org")->value == 2);
}

TEST_CASE("broken policy files are rejected with the JSON path of the fault") {
  const std::string dir = std::string(XUESHE_SOURCE_DIR) + "/tests/policies/broken/";
  auto expected = nlohmann::json::parse(read_text(dir + "expected.json"));
  REQUIRE(expected.size() >= 15);
  for (auto it = expected.begin(); it != expected.end(); ++it) {
    INFO(it.key());
    // Bases beside the file first (the extends fixtures), then the shipped policies.
    auto r = load_policy(read_text(dir + it.key()), [&dir](const std::string& id) -> std::optional<std::string> {
      std::string text = read_text(dir + id + ".json");
      if (!text.empty()) return text;
      return policies_folder()(id);
    });
    REQUIRE(r.error.has_value());
    CHECK_FALSE(r.policy.has_value());
    CHECK(r.error->code == it.value()["code"].get<std::string>());
    CHECK(r.error->field == it.value()["field"].get<std::string>());
  }
}
