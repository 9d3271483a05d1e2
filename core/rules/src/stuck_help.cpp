#include "stuck_help.hpp"

#include "xueshe/route_text.hpp"

namespace xueshe {

std::vector<HelpItem> compute_stuck_help(const OutcomeContext& ctx) {
  std::vector<HelpItem> out;
  const RouteEntry* entry = ctx.policy.route(ctx.outcome.route);
  if (!entry) return out;
  // Kept at the school for a while: a member date that ends the retention.
  const bool retention = !entry->transfers && entry->deadline && entry->deadline->kind == DeadlineKind::retention_ends;
  for (const StuckHelp& h : ctx.policy.national.if_stuck) {
    const bool applies = h.when == "transfers" ? entry->transfers
                         : h.when == "retention" ? retention
                                                 : entry->transfers || retention;
    if (!applies) continue;
    std::vector<std::string> ignored;
    out.push_back(HelpItem{h.id, route_text(ctx, *entry, h.text, {}, ignored), h.clause, h.general_advice});
  }
  return out;
}

}  // namespace xueshe
