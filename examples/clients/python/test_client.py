"""Tests of the Python client against a running `jizhun serve`.

    JIZHUN_URL=http://127.0.0.1:8080 python3 -m unittest -v test_client.py

The Go tests (cmd/jizhun, TestPythonClient) start the server and run this
file when python3 is on PATH.
"""

import json
import os
import pathlib
import unittest

from jizhun_client import Client, ProblemError

HERE = pathlib.Path(__file__).resolve().parent
CASES = HERE.parent.parent / "county" / "cases"


def load_case(name):
    return json.loads((CASES / name).read_text(encoding="utf-8"))


class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        url = os.environ.get("JIZHUN_URL")
        if not url:
            raise unittest.SkipTest("JIZHUN_URL is not set: start jizhun serve and point JIZHUN_URL at it")
        cls.client = Client(url, token=os.environ.get("JIZHUN_TOKEN"))

    def test_decide_names_outcome_fine_and_catalog_digest(self):
        d = self.client.decide(load_case("bbq_one_stove.json"))
        self.assertEqual(d["item"], "330199ZF028")
        self.assertIn(d["outcome"], ["no_penalty", "mitigated", "lighter", "general", "heavier", "order_only", "no_fine_possible"])
        self.assertTrue(d["catalog"]["digest"].startswith("sha256:"))

    def test_explain_returns_the_reasons_text(self):
        d = self.client.decide(load_case("bbq_one_stove.json"), explain=True)
        self.assertIn("处罚", d["explanation"])

    def test_invalid_case_raises_problem_with_fields(self):
        case = load_case("bbq_one_stove.json")
        case["act_date"] = "2026-02-30"
        with self.assertRaises(ProblemError) as cm:
            self.client.decide(case)
        e = cm.exception
        self.assertEqual((e.status, e.code), (422, "invalid_case"))
        self.assertTrue(any(p["field"] == "act_date" for p in e.problems), e.problems)

    def test_batch_in_order_with_errors_in_place(self):
        good = load_case("bbq_one_stove.json")
        entries = self.client.decide_batch([good, {"item": "330199ZF028"}, good])
        self.assertEqual([e["index"] for e in entries], [0, 1, 2])
        self.assertIn("decision", entries[0])
        self.assertEqual(entries[1]["error"]["code"], "invalid_case")
        self.assertEqual(entries[0]["decision"], entries[2]["decision"])

    def test_stream_ndjson(self):
        good = load_case("bbq_one_stove.json")
        entries = list(self.client.decide_stream([good] * 5))
        self.assertEqual([e["index"] for e in entries], list(range(5)))

    def test_item_form_lists_facts_with_labels(self):
        cat = self.client.catalogs()[0]
        items = self.client.items(cat["id"])
        form = self.client.item(cat["id"], items[0]["code"])
        self.assertTrue(form["facts"])
        for fact in form["facts"]:
            self.assertTrue(fact["label"])

    def test_unknown_item_is_404_problem(self):
        cat = self.client.catalogs()[0]
        with self.assertRaises(ProblemError) as cm:
            self.client.item(cat["id"], "NO-SUCH-ITEM")
        self.assertEqual((cm.exception.status, cm.exception.code), (404, "unknown_item"))

    def test_table_csv(self):
        cat = self.client.catalogs()[0]
        self.assertIn("裁量".encode("utf-8"), self.client.table(cat["id"], "csv"))


if __name__ == "__main__":
    unittest.main()
