// Bad input of every kind: exit 2, one error object naming the field, in the
// user's language; never a crash, never a guessed answer.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <unistd.h>

#include "cli_helpers.hpp"

namespace {

std::string read_text(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

struct Bad {
  const char* name;
  std::string input;
  const char* code;
  const char* field;
};


}  // namespace

TEST_CASE("bad answers on stdin") {
  std::string deep(40, '[');
  deep += std::string(40, ']');
  const std::vector<Bad> cases = {
      {"empty input", "", "empty_input", "$"},
      {"only whitespace", " \n\t ", "empty_input", "$"},
      {"malformed JSON", "{\"destination\":", "malformed_json", "$"},
      {"trailing garbage", "{\"destination\":\"military\"} {}", "malformed_json", "$"},
      {"a NUL byte, then garbage", std::string("{\"destination\":\"military\"}") + '\0' + "{garbage}", "malformed_json", "$"},
      {"a NUL byte at the end", std::string("{\"destination\":\"military\"}") + '\0', "malformed_json", "$"},
      {"array", "[\"employed\"]", "not_an_object", "$"},
      {"string", "\"employed\"", "not_an_object", "$"},
      {"number", "42", "not_an_object", "$"},
      {"invalid UTF-8 in a value", "{\"destination\":\"employ\xff\"}", "invalid_utf8", "$"},
      {"invalid UTF-8 truncated sequence", "{\"destination\":\"\xe5\x93\"}", "invalid_utf8", "$"},
      {"unknown field", R"({"destinaton":"employed"})", "unknown_field", "destinaton"},
      {"unknown value", R"({"destination":"astronaut"})", "unknown_value", "destination"},
      {"wrong type: number for choice", R"({"destination":3})", "wrong_type", "destination"},
      {"wrong type: string for bool", R"({"destination":"employed","self_employed":"true"})", "wrong_type", "self_employed"},
      {"wrong type: null", R"({"destination":null})", "wrong_type", "destination"},
      {"duplicate field", R"({"destination":"employed","destination":"military"})", "duplicate_key", "destination"},
      {"impossible date", R"({"destination":"unsettled","unsettled_choice":"retain_at_school","graduation_date":"2022-02-30"})", "invalid_date", "graduation_date"},
      {"two-digit year", R"({"graduation_date":"22-6-30"})", "invalid_date", "graduation_date"},
      {"a day June does not have", R"({"graduation_date":"2022年6月31日"})", "invalid_date", "graduation_date"},
      {"two separators", R"({"graduation_date":"2022-6/30"})", "invalid_date", "graduation_date"},
      {"date with trailing text", R"({"departure_date":"2022-08-31x"})", "invalid_date", "departure_date"},
      {"irrelevant field still checked", R"({"destination":"military","enrollment_date":"2022-13-01"})", "invalid_date", "enrollment_date"},
      {"a real day after 2199", R"({"destination":"military","graduation_date":"9999-12-31"})", "date_out_of_range", "graduation_date"},
      {"a real day before 1900", R"({"destination":"military","birth_date":"0001-01-01"})", "date_out_of_range", "birth_date"},
      {"departure before graduation (study abroad)", R"({"destination":"study_abroad","graduation_date":"2022-07-01","departure_date":"2022-06-30"})", "date_order", "departure_date"},
      {"departure before graduation (work abroad)", R"({"destination":"work_abroad","abroad_kind":"official","graduation_date":"2022-07-01","departure_date":"2021-12-01"})", "date_order", "departure_date"},
      {"enrolment before graduation (further study)", R"({"destination":"further_study","study_level":"postgraduate","graduation_date":"2022-06-30","enrollment_date":"2022-01-31"})", "date_order", "enrollment_date"},
      {"born after graduating", R"({"destination":"military","graduation_date":"2022-06-30","birth_date":"2022-07-01"})", "date_order", "birth_date"},
      {"younger than a member can be", R"({"destination":"military","graduation_date":"2022-06-30","birth_date":"2012-01-01"})", "implausible_date", "birth_date"},
      {"birth date checked before it is asked", R"({"destination":"employed","graduation_date":"2022-06-30","birth_date":"2023-01-01"})", "date_order", "birth_date"},
      {"too large", "{\"destination\":\"" + std::string(20000, 'x') + "\"}", "too_large", "$"},
      {"too deep", deep, "too_deep", "$[0][0][0][0]"},
  };
  for (const Bad& b : cases) {
    SECTION(b.name) { expect_error(xueshe_run({"evaluate", "--today", "2022-07-01"}, b.input), b.code, b.field); }
  }
}

TEST_CASE("a NUL byte does not end JSON input: answers and policies are refused — naming the byte") {
  const std::string answers = std::string(R"({"destination":"military"})") + '\0' + "{garbage}";
  auto r = xueshe_run({"evaluate", "--lang", "en"}, answers);
  expect_error(r, "malformed_json", "$");
  CHECK(parse_out(r)["error"]["message"] == "Invalid JSON (the whole input) near byte 27.");

  std::string policy = read_text(source_path("policies/hxci-2022.json"));
  while (!policy.empty() && (policy.back() == '\n' || policy.back() == ' ')) policy.pop_back();
  const std::string offset = std::to_string(policy.size() + 1);
  policy += std::string(1, '\0') + "{\"garbage\":1}\n";
  const auto file = std::filesystem::temp_directory_path() / ("xueshe-nul-policy-" + std::to_string(::getpid()) + ".json");
  std::ofstream(file, std::ios::binary) << policy;
  auto evaluated = xueshe_run({"evaluate", "--policy", file.string(), "--lang", "en"}, R"({"destination":"military"})");
  expect_error(evaluated, "policy_malformed_json", "$");
  CHECK(parse_out(evaluated)["error"]["message"] == "The policy file is not valid JSON (the whole input) near byte " + offset + ".");
  expect_error(xueshe_run({"check-policy", file.string()}), "policy_malformed_json", "$");
  std::filesystem::remove(file);
}

TEST_CASE("dates outside 1900-2199 are told the range — not the format: answers — --today — policy files") {
  auto answers = xueshe_run({"evaluate", "--lang", "en"}, R"({"destination":"military","graduation_date":"9999-12-31"})");
  expect_error(answers, "date_out_of_range", "graduation_date");
  CHECK(parse_out(answers)["error"]["message"].get<std::string>().rfind(
            "The graduation date “9999-12-31” has a year outside 1900–2199. Please check the year.", 0) == 0);
  auto zh = xueshe_run({"evaluate"}, R"({"destination":"military","birth_date":"0001-01-01"})");
  expect_error(zh, "date_out_of_range", "birth_date");
  CHECK(parse_out(zh)["error"]["message"].get<std::string>().rfind(
            "出生日期“0001-01-01”的年份不对：请填写 1900–2199 年之间的日期。", 0) == 0);
  auto today = xueshe_run({"evaluate", "--today", "9999-12-31", "--lang", "en"}, "{}");
  expect_error(today, "date_out_of_range", "today");
  CHECK(parse_out(today)["error"]["message"].get<std::string>().find("“today” date “9999-12-31” has a year outside 1900–2199") !=
        std::string::npos);
  auto policy = xueshe_run({"check-policy", source_path("tests/policies/broken/date-out-of-range.json"), "--lang", "en"});
  expect_error(policy, "policy_date_out_of_range", "deadlines[1].date");
  CHECK(parse_out(policy)["error"]["message"] ==
        "In the policy file, “deadlines[1].date” is outside the years this tool handles: “9999-12-31” (use 1900–2199).");
}

TEST_CASE("answers the policy does not offer are errors - not guesses") {
  expect_error(xueshe_run({"evaluate", "--policy", source_path("tests/policies/example-2024-0m.json")},
                          R"({"destination":"unsettled","unsettled_choice":"retain_at_school"})"),
               "value_not_offered", "unsettled_choice");
  expect_error(xueshe_run({"evaluate", "--policy", source_path("tests/policies/example-2025-12m.json")},
                          R"({"destination":"unsettled","unsettled_choice":"transfer_to_community","community_basis":"residence"})"),
               "value_not_offered", "community_basis");
}

TEST_CASE("bad options") {
  expect_error(xueshe_run({"evaluate", "--today", "2022-02-30"}, "{}"), "bad_today", "today");
  expect_error(xueshe_run({"evaluate", "--today", "2022-2-3"}, "{}"), "bad_today", "today");
  expect_error(xueshe_run({"evaluate", "--lang", "fr"}, "{}"), "bad_lang", "lang");
  expect_error(xueshe_run({"evaluate", "--policy", "/nonexistent/policy.json"}, "{}"), "policy_unreadable", "policy");
  expect_error(xueshe_run({"evaluate", "--frobnicate"}, "{}"), "bad_argument", "argv");
  expect_error(xueshe_run({"flow", "--format", "png"}), "bad_argument", "argv");
}

TEST_CASE("a folder given as a file is called a folder - an unknown command is named — with the commands") {
  const std::string folder = std::filesystem::temp_directory_path().string();
  auto evaluated = xueshe_run({"evaluate", "--policy", folder, "--lang", "en"}, "{}");
  expect_error(evaluated, "policy_is_folder", "policy");
  CHECK(parse_out(evaluated)["error"]["message"] ==
        "“" + folder + "” is a folder, not a policy file (policy). Give the path of the policy's JSON file.");
  expect_error(xueshe_run({"check-policy", folder}), "policy_is_folder", "policy");
  expect_error(xueshe_run({"table", "--policy", folder}), "policy_is_folder", "policy");
  auto roster = xueshe_run({"roster", folder});
  CHECK(roster.exit_code == 2);
  CHECK(parse_out(roster)["error"]["code"] == "roster_is_folder");
  CHECK(roster.err.find("是一个文件夹，不是名单文件") != std::string::npos);
  auto diff = xueshe_run({"policy", "diff", "hxci-2022", folder});
  CHECK(diff.exit_code == 2);
  CHECK(parse_out(diff)["error"]["code"] == "policy_is_folder");
  auto split = xueshe_run({"policy", "split", folder, "--lang", "en"});
  expect_error(split, "notice_is_folder", "notice");
  CHECK(parse_out(split)["error"]["message"] == "“" + folder + "” is a folder, not a notice text file.");

  auto unknown = xueshe_run({"nosuchcmd", "--lang", "en"});
  expect_error(unknown, "unknown_command", "argv");
  CHECK(parse_out(unknown)["error"]["message"] ==
        "There is no command “nosuchcmd” (argv). The commands are: evaluate, ask, flow, paths, check-policy, roster, "
        "table, policy, application.");
  auto zh = xueshe_run({"evaluat"});
  expect_error(zh, "unknown_command", "argv");
  CHECK(parse_out(zh)["error"]["message"].get<std::string>().rfind("没有“evaluat”这个命令", 0) == 0);
  auto nested = xueshe_run({"policy", "nosuch", "--lang", "en"});
  expect_error(nested, "unknown_command", "argv");
  CHECK(parse_out(nested)["error"]["message"].get<std::string>().find("The commands are: draft, check-draft, diff, split.") !=
        std::string::npos);
  // No command at all, or a word where none is expected, stays an argument error.
  expect_error(xueshe_run({}), "bad_argument", "argv");
  expect_error(xueshe_run({"evaluate", "nosuch"}, "{}"), "bad_argument", "argv");
}

TEST_CASE("errors speak the user's language") {
  auto zh = parse_out(xueshe_run({"evaluate"}, R"({"destinaton":"employed"})"));
  auto en = parse_out(xueshe_run({"evaluate", "--lang", "en"}, R"({"destinaton":"employed"})"));
  CHECK(zh["error"]["message"] == "不认识的字段“destinaton”。");
  CHECK(en["error"]["message"] == "Unknown field “destinaton”.");
  auto whole = parse_out(xueshe_run({"evaluate", "--lang", "en"}, ""));
  CHECK(whole["error"]["message"].get<std::string>().find("the whole input") != std::string::npos);
}

TEST_CASE("a missing or circular base is told in words that name the file which extends it — once") {
  auto message = [](const std::string& file, const char* lang) {
    auto r = xueshe_run({"check-policy", source_path("tests/policies/broken/" + file), "--lang", lang});
    return parse_out(r)["error"]["message"].get<std::string>();
  };
  CHECK(message("missing-base.json", "zh-CN") ==
        "hxci-2022.json 的 extends 写的上级政策“no-such-base”找不到：请把 no-such-base.json 放在 hxci-2022.json 旁边（同一个文件夹里）。");
  CHECK(message("missing-base.json", "en") ==
        "The base policy “no-such-base” that hxci-2022.json extends was not found: put no-such-base.json beside "
        "hxci-2022.json (in the same folder).");
  const std::string cycle = message("extends-cycle.json", "zh-CN");
  CHECK(cycle.find("绕成了一个圈") != std::string::npos);
  CHECK(cycle.find("上级政策文件") == std::string::npos);  // the file is named in the sentence, not again after it
}

TEST_CASE("broken policy files: evaluate and check-policy both refuse them - naming the JSON path") {
  std::ifstream f(source_path("tests/policies/broken/expected.json"));
  auto expected = nlohmann::json::parse(f);
  for (auto it = expected.begin(); it != expected.end(); ++it) {
    const std::string file = source_path("tests/policies/broken/" + it.key());
    const std::string code = it.value()["code"], field = it.value()["field"];
    SECTION(it.key()) {
      expect_error(xueshe_run({"evaluate", "--policy", file}, R"({"destination":"military"})"), code, field);
      expect_error(xueshe_run({"check-policy", file}), code, field);
    }
  }
}
