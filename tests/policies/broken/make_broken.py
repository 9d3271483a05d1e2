#!/usr/bin/env python3
"""Regenerates the broken policy fixtures from policies/hxci-2022.json.

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
write('unknown-route-clause.json', mod(lambda p: p['routes'].__setitem__('special_unit_pool', '二.9')),
      'policy_unknown_clause', 'routes.special_unit_pool')
write('missing-key.json', mod(lambda p: p.pop('deadlines')), 'policy_missing_key', 'deadlines')
write('wrong-type.json', mod(lambda p: p['unsettled']['retention_months'].__setitem__('value', '6')),
      'policy_wrong_type', 'unsettled.retention_months.value')
write('window-order.json', mod(lambda p: p['deadlines'][0].__setitem__('opens', '2022-09-01')),
      'policy_date_order', 'deadlines[0].opens')
write('unknown-case.json', mod(lambda p: p['deadlines'][0]['applies_to'].insert(1, 'student')),
      'policy_unknown_value', 'deadlines[0].applies_to[1]')
write('missing-language.json', mod(lambda p: p['clauses'][3]['text'].pop('en')), 'policy_missing_key', 'clauses[3].text.en')
write('negative-retention.json', mod(lambda p: p['unsettled']['retention_months'].__setitem__('value', -1)),
      'policy_out_of_range', 'unsettled.retention_months.value')
write('unknown-basis.json', mod(lambda p: p['unsettled']['community_bases']['value'].__setitem__(1, 'school')),
      'policy_unknown_value', 'unsettled.community_bases.value[1]')
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

with open(os.path.join(here, 'expected.json'), 'w', encoding='utf-8') as f:
    json.dump(expected, f, ensure_ascii=False, indent=2)
    f.write('\n')
print(len(expected), 'broken policies written')
