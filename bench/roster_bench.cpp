// Benchmark (not a test) of the roster path.
//
//   roster_bench generate N [SEED] > roster.csv   a realistic roster of N rows
//   roster_bench run N [REPEAT]                   in-process: parse, evaluate,
//                                                 write the annotated CSV and
//                                                 the summary; prints rows/s
//
// bench/roster.sh builds the release preset and runs both, plus the CLI on the
// generated file. The generator is deterministic (a fixed LCG), so figures
// from different runs are comparable.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "xueshe/csv.hpp"
#include "xueshe/roster.hpp"

namespace {

struct Lcg {
  std::uint64_t s;
  std::uint32_t next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(s >> 33);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
  bool chance(int percent_times_10) { return below(1000) < percent_times_10; }  // per mille
};

std::string date_str(const xueshe::Date& d) { return xueshe::format_iso_date(d); }

xueshe::Date day_after(const xueshe::Date& d, int days) { return xueshe::Date{date::sys_days{d} + date::days{days}}; }

// A graduate's age on graduation day, in days: each person's own, spread as a
// graduating class is (triangular). Bachelors (72 %) 21-24.5 years, most near
// 22.75; masters (24 %) 23.5-27.5, most near 25.5; doctors (4 %) 27-33, most
// near 30. So about 4 % are 28 or older in the graduation month, and some
// turn 28 after graduation but before a date their outcome names.
int age_in_days(Lcg& r) {
  const int level = r.below(100);
  const int year = 365;
  auto spread = [&r](int days) { return r.below(days + 1) + r.below(days + 1); };  // triangular over 0..2*days
  if (level < 72) return 21 * year + spread(year * 7 / 4);
  if (level < 96) return 23 * year + year / 2 + spread(2 * year);
  return 27 * year + spread(3 * year);
}

// Columns as the template names them, plus a free-text remark column.
const char* const kHeader =
    "学号,姓名,学院,去向,毕业日期,出生日期,是否党员,是否担任团内职务,是否自主创业,是否涉密单位,是否公务员,"
    "单位是否有团组织,青年之家是否有团组织,升学层次,入学日期,新学校团组织是否已建立,未就业安排,转往地依据,"
    "出国类别,出国日期,接收地区,转接状态,备注";

const xueshe::Date kGraduation{date::year{2022}, date::month{6}, date::day{30}};

std::string generate(std::size_t rows, std::uint64_t seed) {
  static const char* surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"};
  static const char* given[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明",
                                "超", "秀英", "霞", "平", "刚", "桂英", "子涵", "雨萱", "浩然", "梓轩"};
  static const char* colleges[] = {"信息工程学院", "计算机科学与技术学院", "电子工程学院", "经济管理学院",
                                   "外国语学院", "艺术设计学院", "机械工程学院", "土木工程学院"};
  static const char* regions[] = {"北京", "广东", "福建", "其他"};
  Lcg r{seed};
  std::string out(xueshe::kUtf8Bom);
  out += kHeader;
  out += "\r\n";
  auto yes_no = [](bool b) { return b ? "是" : "否"; };
  auto region = [&r]() { int x = r.below(100); return regions[x < 5 ? 0 : x < 13 ? 1 : x < 17 ? 2 : 3]; };
  for (std::size_t i = 0; i < rows; ++i) {
    std::vector<std::string> c(23);
    c[0] = std::to_string(2022000001ULL + i);
    c[1] = std::string(surnames[r.below(16)]) + given[r.below(26)];
    if (r.chance(1)) c[1] += ",Jr.";  // now and then a comma inside a field (quoted on output)
    c[2] = colleges[r.below(8)];
    const int dest = r.below(100);
    const bool delayed = dest >= 96;
    c[4] = delayed ? "" : (r.chance(900) ? "2022-06-30" : "2022/6/20");
    // Each person's own birth date, from their age at graduation.
    const int age = age_in_days(r);
    c[5] = date_str(day_after(kGraduation, -age));
    c[6] = yes_no(r.chance(100));
    // 是否担任团内职务: filled for everyone of 27 or over (the age rule asks it
    // of those at 28), so every row is complete; a few hold a post.
    if (age >= 27 * 365) c[7] = yes_no(r.chance(150));
    if (dest < 55) {
      c[3] = r.chance(500) ? "已就业" : "已落实工作单位";
      c[8] = yes_no(r.chance(50));
      c[9] = yes_no(r.chance(20));
      c[10] = yes_no(r.chance(80));
      const bool org = r.chance(700);
      c[11] = yes_no(org);
      if (!org) c[12] = yes_no(r.chance(300));
      c[20] = region();
    } else if (dest < 73) {
      c[3] = "升学";
      c[13] = r.chance(700) ? "研究生" : "其他";
      static const char* enroll[] = {"2022-09-01", "2022-09-05", "2022-08-28"};
      c[14] = enroll[r.below(3)];
      c[15] = yes_no(r.chance(300));
      c[20] = region();
    } else if (dest < 75) {
      c[3] = "参军入伍";
    } else if (dest < 90) {
      c[3] = "未就业";
      if (r.chance(400)) {
        c[16] = "在校保留";
      } else {
        static const char* bases[] = {"居住地", "户籍所在地", "生源地"};
        c[16] = "转到社区";
        c[17] = bases[r.below(3)];
        c[20] = region();
      }
    } else if (dest < 94) {
      c[3] = "出国学习";
      c[19] = date_str(day_after(kGraduation, 1 + r.below(92)));
    } else if (dest < 96) {
      c[3] = "出国工作";
      c[18] = r.chance(500) ? "因公" : "因私";
      c[19] = date_str(day_after(kGraduation, 1 + r.below(92)));
      c[20] = region();
    } else {
      c[3] = "延迟毕业";
    }
    c[21] = r.chance(600) ? "已完成" : "未完成";
    if (r.chance(2)) c[22] = "家长电话已核实\n另见纸质登记表";  // a remark over two lines
    std::vector<std::string_view> views(c.begin(), c.end());
    xueshe::csv_append_record(out, views);
  }
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace xueshe;
  const std::string mode = argc > 1 ? argv[1] : "";
  const std::size_t n = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 100000;
  if (mode == "generate") {
    const std::string csv = generate(n, argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1);
    std::fwrite(csv.data(), 1, csv.size(), stdout);
    return 0;
  }
  if (mode != "run") {
    std::fprintf(stderr, "usage: roster_bench generate N [SEED] | run N [REPEAT]\n");
    return 2;
  }
  const int repeat = argc > 3 ? std::atoi(argv[3]) : 5;
  const std::string text = generate(n, 1);
  Engine engine(*load_policy(builtin_policy_text()).policy);
  RosterOptions options;
  options.today = *parse_iso_date("2022-07-01");
  options.lang = Lang::zh_CN;

  std::vector<double> total, total_cpu, parse_eval, write, summary;
  std::size_t out_bytes = 0, evaluations = 0;
  for (int i = 0; i < repeat; ++i) {
    const std::clock_t c0 = std::clock();
    auto t0 = std::chrono::steady_clock::now();
    RosterRun run = evaluate_roster(engine, text, options);
    const double t_eval = seconds_since(t0);
    auto t1 = std::chrono::steady_clock::now();
    const std::string csv = annotated_roster_csv(run);
    const double t_write = seconds_since(t1);
    auto t2 = std::chrono::steady_clock::now();
    const std::string s = roster_summary(run, engine.policy()).dump();
    const double t_summary = seconds_since(t2);
    total.push_back(seconds_since(t0));
    total_cpu.push_back(static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
    parse_eval.push_back(t_eval);
    write.push_back(t_write);
    summary.push_back(t_summary);
    out_bytes = csv.size();
    evaluations = run.evaluations;
    if (run.error || run.rows.size() != n) {
      std::fprintf(stderr, "unexpected result\n");
      return 1;
    }
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  // Reading the CSV alone, for the breakdown.
  std::vector<double> read_only;
  for (int i = 0; i < repeat; ++i) {
    auto t = std::chrono::steady_clock::now();
    CsvTable table = read_csv(text);
    read_only.push_back(seconds_since(t));
    if (table.records.size() != n + 1) return 1;
  }
  std::printf("in-process, %zu rows (%.1f MB in, %.1f MB out), %zu distinct answer sets evaluated; median of %d:\n", n,
              text.size() / 1e6, out_bytes / 1e6, evaluations, repeat);
  std::printf("  total            %8.1f ms  %10.0f rows/s\n", median(total) * 1e3, n / median(total));
  // CPU time of the process (steadier than wall time on a shared machine).
  std::printf("  total, CPU time  %8.1f ms  %10.0f rows/s\n", median(total_cpu) * 1e3, n / median(total_cpu));
  std::printf("  read+evaluate    %8.1f ms  (CSV read alone %.1f ms)\n", median(parse_eval) * 1e3, median(read_only) * 1e3);
  std::printf("  annotated CSV    %8.1f ms\n", median(write) * 1e3);
  std::printf("  summary          %8.1f ms\n", median(summary) * 1e3);
  return 0;
}
