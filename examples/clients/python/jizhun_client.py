"""A client for `jizhun serve`, using only the Python standard library.

    from jizhun_client import Client, ProblemError

    client = Client("http://127.0.0.1:8080")            # token="..." with --token-file
    decision = client.decide(case)                      # the Decision JSON as a dict
    text = client.decide(case, explain=True)["explanation"]
    for entry in client.decide_batch(cases):            # one entry per case, in order
        print(entry["index"], entry.get("decision", entry.get("error")))

Errors are RFC 9457 problems; they are raised as ProblemError with the
stable code, the Chinese title and detail, and the case's problems field by
field. The API is described by GET /openapi.json (service/openapi.json).
"""

import json
import urllib.error
import urllib.parse
import urllib.request

__all__ = ["Client", "ProblemError"]


class ProblemError(Exception):
    """An application/problem+json answer: status, code, title, detail, problems."""

    def __init__(self, status, problem):
        self.status = status
        self.problem = problem
        self.code = problem.get("code", "")
        self.title = problem.get("title", "")
        self.detail = problem.get("detail", "")
        self.problems = problem.get("problems", [])
        super().__init__(f"{status} {self.code}: {self.title}: {self.detail}")


class Client:
    """Talks to one jizhun serve instance (or a load balancer in front of several)."""

    def __init__(self, base_url, token=None, timeout=30.0):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout

    # -- decisions ---------------------------------------------------------

    def decide(self, case, explain=False, catalog=None):
        """Decides one case (a dict in the Case JSON contract) and returns the decision."""
        query = {}
        if explain:
            query["explain"] = "true"
        if catalog:
            query["catalog"] = catalog
        body = json.dumps(case, ensure_ascii=False).encode("utf-8")
        return self._json("POST", "/v1/decisions", query, body, "application/json")

    def decide_batch(self, cases, catalog=None):
        """Decides a list of cases; returns one entry per case, in input order.

        An entry is {"index": i, "decision": {...}} or {"index": i, "error": {...problem...}}:
        a case that cannot be decided does not stop the others."""
        query = {"catalog": catalog} if catalog else {}
        body = json.dumps(list(cases), ensure_ascii=False).encode("utf-8")
        return self._json("POST", "/v1/decisions:batch", query, body, "application/json")

    def decide_stream(self, cases, catalog=None):
        """Sends cases as NDJSON and yields the entries as they arrive, in input order."""
        query = {"catalog": catalog} if catalog else {}
        lines = (json.dumps(c, ensure_ascii=False).encode("utf-8") + b"\n" for c in cases)
        with self._open("POST", "/v1/decisions:batch", query, b"".join(lines), "application/x-ndjson") as res:
            for line in res:
                if line.strip():
                    yield json.loads(line)

    # -- catalogs ----------------------------------------------------------

    def catalogs(self):
        return self._json("GET", "/v1/catalogs")["catalogs"]

    def catalog(self, catalog_id):
        return self._json("GET", "/v1/catalogs/" + urllib.parse.quote(catalog_id, safe=""))

    def items(self, catalog_id):
        return self._json("GET", "/v1/catalogs/" + urllib.parse.quote(catalog_id, safe="") + "/items")["items"]

    def item(self, catalog_id, code):
        """Everything a case-entry form for the item needs: facts, parties, sanctions, grades."""
        return self._json("GET", "/v1/catalogs/%s/items/%s" % (
            urllib.parse.quote(catalog_id, safe=""), urllib.parse.quote(code, safe="")))

    def table(self, catalog_id, fmt="html"):
        """The published table as bytes (md, html, csv or xlsx)."""
        with self._open("GET", "/v1/catalogs/%s/table" % urllib.parse.quote(catalog_id, safe=""), {"format": fmt}) as res:
            return res.read()

    def ready(self):
        try:
            return self._json("GET", "/readyz")
        except ProblemError:
            return None

    # -- plumbing ----------------------------------------------------------

    def _open(self, method, path, query=None, body=None, content_type=None):
        url = self.base_url + path
        if query:
            url += "?" + urllib.parse.urlencode(query)
        req = urllib.request.Request(url, data=body, method=method)
        if content_type:
            req.add_header("Content-Type", content_type)
        if self.token:
            req.add_header("Authorization", "Bearer " + self.token)
        try:
            return urllib.request.urlopen(req, timeout=self.timeout)
        except urllib.error.HTTPError as e:
            data = e.read()
            ctype = e.headers.get("Content-Type", "")
            if ctype.startswith("application/problem+json") or ctype.startswith("application/json"):
                raise ProblemError(e.code, json.loads(data)) from None
            raise

    def _json(self, method, path, query=None, body=None, content_type=None):
        with self._open(method, path, query, body, content_type) as res:
            return json.loads(res.read())
