// The closed sets' names: each enum value has one name, the name reads back as
// that value, and the names are exactly the words the policy format, SPEC §3
// and the catalogs use.
#include <catch2/catch.hpp>

#include "xueshe/closed_sets.hpp"
#include "xueshe/lang.hpp"
#include "xueshe/messages.hpp"

using namespace xueshe;

TEST_CASE("every deadline kind, state and place reads back from its name") {
  const char* kinds[] = {"before_departure", "apply_by",       "review_window",  "form_by",
                         "new_org_created_by", "transfer_by", "complete_by",    "all_complete_by",
                         "retention_ends",   "retained_until", "cap_ends"};
  for (std::size_t i = 0; i < std::size(kinds); ++i) {
    const auto kind = static_cast<DeadlineKind>(i);
    CHECK(name(kind) == kinds[i]);
    CHECK(deadline_kind_named(kinds[i]) == kind);
    CHECK(catalog_key(kind) == std::string("deadline.") + kinds[i]);
    // Every kind has its words in every language (the label of a date the notice does not name).
    for (Lang lang : supported_languages()) CHECK(catalog(lang).contains(catalog_key(kind)));
  }
  const char* states[] = {"overdue", "today", "due_soon", "upcoming"};
  for (std::size_t i = 0; i < std::size(states); ++i) {
    const auto state = static_cast<DeadlineState>(i);
    CHECK(name(state) == states[i]);
    CHECK(deadline_state_named(states[i]) == state);
    for (Lang lang : supported_languages()) CHECK(catalog(lang).contains(catalog_key(state)));
  }
  const char* wheres[] = {"system", "offline", "info"};
  for (std::size_t i = 0; i < std::size(wheres); ++i) {
    CHECK(name(static_cast<StepWhere>(i)) == wheres[i]);
    CHECK(step_where_named(wheres[i]) == static_cast<StepWhere>(i));
  }
}

TEST_CASE("a word outside a closed set names nothing") {
  for (const char* word : {"", "Apply_by", "apply_by ", "due soon", "none", "deadline.apply_by"}) {
    CHECK_FALSE(deadline_kind_named(word));
    CHECK_FALSE(deadline_state_named(word));
    CHECK_FALSE(step_where_named(word));
  }
}

TEST_CASE("the most urgent state orders first") {
  CHECK(DeadlineState::overdue < DeadlineState::today);
  CHECK(DeadlineState::today < DeadlineState::due_soon);
  CHECK(DeadlineState::due_soon < DeadlineState::upcoming);
}

TEST_CASE("closed sets and languages are written into JSON as their words") {
  const nlohmann::json j{{"kind", DeadlineKind::apply_by}, {"state", DeadlineState::due_soon},
                         {"where", StepWhere::offline}, {"lang", Lang::en}};
  CHECK(j.dump() == R"({"kind":"apply_by","lang":"en","state":"due_soon","where":"offline"})");
}

TEST_CASE("a language is one of the codes exactly") {
  CHECK(code(Lang::zh_CN) == "zh-CN");
  CHECK(code(Lang::en) == "en");
  CHECK(lang_named("zh-CN") == Lang::zh_CN);
  CHECK(lang_named("en") == Lang::en);
  for (const char* word : {"", "zh", "zh-cn", "zh_CN", "EN", "en-US", "fr"}) CHECK_FALSE(lang_named(word));
}
