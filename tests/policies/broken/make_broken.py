#!/usr/bin/env python3
"""Regenerates the broken policy fixtures from policies/hxci-2022.json (format 2).

Each fixture breaks the good policy in exactly one way; expected.json records
the error code and JSON path the loader must report. Run after changing the
policy format: python3 tests/policies/broken/make_broken.py
"""
import collections
import copy
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(os.path.dirname(here)))
base = json.load(open(os.path.join(root, 'policies/hxci-2022.json'), encoding='utf-8'),
                 object_pairs_hook=collections.OrderedDict)
expected = collections.OrderedDict()


def write(name, obj, code, field, raw=None):
    if raw is None:
        raw = json.dumps(obj, ensure_ascii=False, indent=1).encode()
    with open(os.path.join(here, name), 'wb') as f:
        f.write(raw)
    expected[name] = {"code": code, "field": field}


def mod(change):
    p = copy.deepcopy(base)
    change(p)
    return p


write('unknown-key.json', mod(lambda p: p.__setitem__('colour', 'red')), 'policy_unknown_key', 'colour')
dup = json.dumps(base, ensure_ascii=False, indent=1).replace('"cohort": 2022,', '"cohort": 2022,\n "cohort": 2023,', 1)
write('duplicate-key.json', None, 'policy_duplicate_key', 'cohort', dup.encode())
write('impossible-date.json', mod(lambda p: p['deadlines'][1].__setitem__('date', '2022-02-30')),
      'policy_invalid_date', 'deadlines[1].date')
write('date-out-of-range.json', mod(lambda p: p['deadlines'][1].__setitem__('date', '9999-12-31')),
      'policy_date_out_of_range', 'deadlines[1].date')
write('sloppy-date.json', mod(lambda p: p.__setitem__('notice_date', '2022-5-16')), 'policy_invalid_date', 'notice_date')
write('unknown-clause.json', mod(lambda p: p['deadlines'][2].__setitem__('clause', '三.9')),
      'policy_unknown_clause', 'deadlines[2].clause')
write('unknown-route-clause.json', mod(lambda p: p['routes']['special_unit_pool'].__setitem__('clause', '二.9')),
      'policy_unknown_clause', 'routes.special_unit_pool.clause')
write('missing-key.json', mod(lambda p: p.pop('title')), 'policy_missing_key', 'title')
write('wrong-type.json', mod(lambda p: p['periods']['retention'].__setitem__('value', '6')),
      'policy_wrong_type', 'periods.retention.value')
write('window-order.json', mod(lambda p: p['deadlines'][0].__setitem__('opens', '2022-09-01')),
      'policy_date_order', 'deadlines[0].opens')
write('unknown-case.json', mod(lambda p: p['deadlines'][0]['applies_to'].insert(1, 'student')),
      'policy_unknown_value', 'deadlines[0].applies_to[1]')
write('missing-language.json', mod(lambda p: p['clauses'][3]['text'].pop('en')), 'policy_missing_key', 'clauses[3].text.en')
write('negative-retention.json', mod(lambda p: p['periods']['retention'].__setitem__('value', -1)),
      'policy_out_of_range', 'periods.retention.value')
write('unknown-basis.json', mod(lambda p: p['destinations']['unsettled']['bases']['value'].__setitem__(1, 'school')),
      'policy_unknown_value', 'destinations.unsettled.bases.value[1]')
write('duplicate-clause-id.json', mod(lambda p: p['clauses'][2].__setitem__('id', '二.1')),
      'policy_duplicate_value', 'clauses[2].id')
write('unknown-deadline-kind.json', mod(lambda p: p['deadlines'][3].__setitem__('kind', 'finish_by')),
      'policy_unknown_value', 'deadlines[3].kind')
write('verified-before-notice.json', mod(lambda p: p.__setitem__('last_verified', '2021-01-01')),
      'policy_date_order', 'last_verified')
write('truncated.json', None, 'policy_malformed_json', '$', json.dumps(base, ensure_ascii=False).encode()[:500])
write('not-an-object.json', None, 'policy_wrong_type', '$', b'[1, 2, 3]\n')
write('invalid-utf8.json', None, 'policy_invalid_utf8', '$',
      json.dumps(base, ensure_ascii=False).encode().replace('哈尔滨'.encode(), b'\xe5\x93', 1))
write('empty.json', None, 'policy_empty_input', '$', b'\n')

# The layered format's own constructs, each broken once.
def fallback_loop(p):
    when = {'zh-CN': '特殊情况下', 'en': 'in special cases'}
    p['routes']['employer_township_org']['fallback'] = {'route': 'community_mobile_branch', 'when': when}
    p['routes']['community_mobile_branch']['fallback'] = {'route': 'employer_township_org', 'when': when}
write('fallback-loop.json', mod(fallback_loop), 'policy_fallback_loop', 'routes.community_mobile_branch.fallback.route')
write('cap-shorter-than-period.json',
      mod(lambda p: p['periods']['retention'].__setitem__(
          'cap', {'value': 3, 'unit': 'months', 'when': {'zh-CN': '特殊情况', 'en': 'special cases'}})),
      'policy_cap_not_longer', 'periods.retention.cap.value')
write('situation-unknown-destination.json',
      mod(lambda p: p.__setitem__('situations', [{'id': 'second_exam', 'label': {'zh-CN': '二战考研', 'en': 'Retaking the exam'},
                                                  'destination': 'gap_year', 'clause': '二.4'}])),
      'policy_unknown_value', 'situations[0].destination')
write('override-unknown-route.json', mod(lambda p: p['routes'].__setitem__('transit_org', {'clause': '二.3'})),
      'policy_unknown_route', 'routes.transit_org')
write('missing-base.json', mod(lambda p: p.__setitem__('extends', 'no-such-base')), 'policy_missing_base', 'extends')
def cycle(p, me, other):
    p['id'] = me
    p['extends'] = other
write('extends-cycle.json', mod(lambda p: cycle(p, 'extends-cycle', 'extends-cycle-base')), 'policy_extends_cycle', 'extends')
with open(os.path.join(here, 'extends-cycle-base.json'), 'w', encoding='utf-8') as f:
    f.write(json.dumps(mod(lambda p: cycle(p, 'extends-cycle-base', 'extends-cycle')), ensure_ascii=False, indent=1))
write('opens-meaningless.json', mod(lambda p: p['deadlines'][1].__setitem__('opens', '2022-06-01')),
      'policy_opens_meaningless', 'deadlines[1].opens')
write('unknown-placeholder.json',
      mod(lambda p: p['routes']['retain_at_school']['steps'][0]['text'].__setitem__('zh-CN', '保留 {months} 个月')),
      'policy_unknown_placeholder', 'routes.retain_at_school.steps[0].text.zh-CN')
write('unknown-condition.json', mod(lambda p: p['routes']['new_school_org']['steps'][0].__setitem__('if', 'variant:someday')),
      'policy_unknown_condition', 'routes.new_school_org.steps[0].if')
write('unused-period.json',
      mod(lambda p: p['periods'].__setitem__('extra', {'value': 1, 'unit': 'months', 'clause': '二.4'})),
      'policy_unused', 'periods.extra')
write('layer-above-school.json', mod(lambda p: (p.__setitem__('id', 'guide-above-school'), p.__setitem__('layer', 'guide'), p.__setitem__('extends', 'hxci-2022'))),
      'policy_layer_order', 'layer')

with open(os.path.join(here, 'expected.json'), 'w', encoding='utf-8') as f:
    json.dump(expected, f, ensure_ascii=False, indent=2)
    f.write('\n')
print(len(expected), 'broken policies written')
