package service

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/jizhun/jizhun/discretion"
)

// Stable problem codes. A client matches on Code; Title and Detail are the
// Chinese text an officer reads.
const (
	CodeMalformedCase = "malformed_case" // the body is not a Case as JSON
	CodeInvalidCase   = "invalid_case"   // a Case the engine cannot decide as stated
	CodeBenchmarkGap  = "benchmark_gap"  // no grade of the benchmark covers the case: a catalog defect
	// CodeBenchmarkAmbiguous: two grades of a benchmark declared exclusive
	// both cover the case: a catalog defect.
	CodeBenchmarkAmbiguous = "benchmark_ambiguous"
	CodeUnknownCatalog     = "unknown_catalog"    // no catalog with that id is served
	CodeUnknownItem        = "unknown_item"       // no item with that code
	CodeAmbiguousCatalog   = "ambiguous_catalog"  // several catalogs have the case's items
	CodeUnsupportedMedia   = "unsupported_media"  // wrong Content-Type
	CodeBodyTooLarge       = "body_too_large"     // over the size limit
	CodeMalformedBatch     = "malformed_batch"    // the batch is not a JSON array of objects
	CodeBadRequest         = "bad_request"        // a query parameter that is not understood
	CodeUnauthorized       = "unauthorized"       // missing or wrong bearer token
	CodeNotFound           = "not_found"          // no such endpoint
	CodeMethodNotAllowed   = "method_not_allowed" // endpoint exists, not with this method
	CodeOverloaded         = "overloaded"         // too many concurrent requests
	CodeTimeout            = "timeout"            // the request took longer than allowed
	CodeInternal           = "internal"           // a fault of the server
	CodeTableFailed        = "table_failed"       // the published table could not be built
	problemTypePrefix      = "urn:jizhun:problem:"
	contentTypeProblem     = "application/problem+json"
	contentTypeJSON        = "application/json"
	contentTypeNDJSON      = "application/x-ndjson"
	headerCatalogDigest    = "Jizhun-Catalog-Digest"
	headerRequestID        = "X-Request-Id"
	defaultRetryAfterSecs  = "1"
)

// Problem is an RFC 9457 problem detail: Type is "urn:jizhun:problem:" and
// the Code, Title and Detail are Chinese, Problems lists what is wrong with a
// case field by field (discretion.CaseError), in Chinese unless the request
// asks for English (Accept-Language: en).
type Problem struct {
	Type     string               `json:"type"`
	Title    string               `json:"title"`
	Status   int                  `json:"status"`
	Detail   string               `json:"detail,omitempty"`
	Instance string               `json:"instance,omitempty"`
	Code     string               `json:"code"`
	Problems []discretion.Problem `json:"problems,omitempty"`
}

func (p *Problem) Error() string { return p.Code + ": " + p.Title + ": " + p.Detail }

// finish fills the derived fields.
func (p *Problem) finish() *Problem {
	p.Type = problemTypePrefix + p.Code
	return p
}

// localize renders the case's problems in lang ("en" for English, else
// Chinese) and returns p.
func (p *Problem) localize(lang string) *Problem {
	if len(p.Problems) == 0 {
		return p
	}
	out := make([]discretion.Problem, len(p.Problems))
	for i, cp := range p.Problems {
		out[i] = cp.Localize(lang)
	}
	p.Problems = out
	return p
}

// requestLang is the language a request asks for in its Accept-Language
// header (RFC 9110 §12.5.4): "en" where the language it prefers most, by
// quality, is English, else "zh", the default. Only problems[].message
// follows it; titles and details are Chinese.
func requestLang(r *http.Request) string {
	if r == nil {
		return "zh"
	}
	best, bestQ := "zh", 0.0
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if _, err := fmt.Sscanf(v, "%g", &q); err != nil {
				continue
			}
		}
		tag = strings.ToLower(strings.TrimSpace(tag))
		if tag == "" || q <= bestQ {
			continue
		}
		best, bestQ = "zh", q
		if tag == "en" || strings.HasPrefix(tag, "en-") {
			best = "en"
		}
	}
	return best
}

// writeProblem writes p as application/problem+json, its case problems in
// the language the request asks for.
func writeProblem(w http.ResponseWriter, r *http.Request, p *Problem) {
	p.finish()
	p.localize(requestLang(r))
	if r != nil && p.Instance == "" {
		p.Instance = r.URL.Path
	}
	body, err := json.Marshal(p)
	if err != nil { // a Problem always marshals; keep the server answering anyway
		body = []byte(`{"type":"` + problemTypePrefix + CodeInternal + `","title":"服务内部错误","status":500,"code":"internal"}`)
	}
	h := w.Header()
	h.Set("Content-Type", contentTypeProblem)
	h.Set("Content-Length", fmt.Sprint(len(body)+1))
	h.Del(headerCatalogDigest)
	if p.Status == http.StatusServiceUnavailable || p.Status == http.StatusTooManyRequests {
		h.Set("Retry-After", defaultRetryAfterSecs)
	}
	w.WriteHeader(p.Status)
	w.Write(append(body, '\n'))
}

// problemOf turns an error from ParseCase or Decide into a problem.
func problemOf(err error, parsing bool) *Problem {
	var ce *discretion.CaseError
	var gap *discretion.GapError
	var ambiguous *discretion.AmbiguousGradeError
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return bodyTooLarge(tooLarge.Limit)
	case errors.As(err, &ce) && parsing:
		return &Problem{Status: http.StatusBadRequest, Code: CodeMalformedCase, Title: "案件数据格式错误",
			Detail:   "请求体不是符合接口约定的案件 JSON（Case），逐项问题见 problems。",
			Problems: ce.Problems}
	case errors.As(err, &ce):
		return &Problem{Status: http.StatusUnprocessableEntity, Code: CodeInvalidCase, Title: "案件无法按所述情况裁量",
			Detail:   "案件所填事实、日期或当事人信息不完整或不符合所选事项的要求，逐项问题见 problems；系统不作推定。",
			Problems: ce.Problems}
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return &Problem{Status: http.StatusServiceUnavailable, Code: CodeTimeout, Title: "请求已取消或超时",
			Detail: "裁量尚未完成时请求已被取消或超过时限，未作出决定；请重试。"}
	case errors.As(err, &gap):
		return &Problem{Status: http.StatusUnprocessableEntity, Code: CodeBenchmarkGap, Title: "裁量基准未覆盖本案情形",
			Detail: fmt.Sprintf("事项 %s 的裁量阶次没有一个适用于本案所填事实，这是裁量基准本身的缺漏，请报制定机关的法制机构补正。", gap.Item)}
	case errors.As(err, &ambiguous):
		return &Problem{Status: http.StatusUnprocessableEntity, Code: CodeBenchmarkAmbiguous, Title: "裁量基准的两个阶次同时适用于本案",
			Detail: fmt.Sprintf("事项 %s 的裁量基准声明各阶次互不重叠，但本案所填事实同时符合阶次“%s”和阶次“%s”，这是裁量基准本身的缺陷，请报制定机关的法制机构补正。",
				ambiguous.Item, ambiguous.Labels[0], ambiguous.Labels[1])}
	}
	return internalProblem()
}

func internalProblem() *Problem {
	return &Problem{Status: http.StatusInternalServerError, Code: CodeInternal, Title: "服务内部错误",
		Detail: "服务处理本请求时出现内部错误，已记录日志；请稍后重试或联系系统管理员。"}
}

func bodyTooLarge(limit int64) *Problem {
	return &Problem{Status: http.StatusRequestEntityTooLarge, Code: CodeBodyTooLarge, Title: "请求体过大",
		Detail: fmt.Sprintf("请求体超过本接口允许的 %d 字节。", limit)}
}

func unknownCatalog(id string) *Problem {
	return &Problem{Status: http.StatusNotFound, Code: CodeUnknownCatalog, Title: "裁量基准不存在",
		Detail: fmt.Sprintf("本服务没有加载标识为“%s”的裁量基准；GET /v1/catalogs 列出已加载的基准。", id)}
}

func unknownItem(catalogID, code string) *Problem {
	return &Problem{Status: http.StatusNotFound, Code: CodeUnknownItem, Title: "事项不存在",
		Detail: fmt.Sprintf("裁量基准“%s”中没有代码为“%s”的执法事项。", catalogID, code)}
}

func unsupportedMedia(got string, want ...string) *Problem {
	return &Problem{Status: http.StatusUnsupportedMediaType, Code: CodeUnsupportedMedia, Title: "请求体类型不受支持",
		Detail: fmt.Sprintf("请求的 Content-Type 为“%s”，本接口只接受 %s。", got, strings.Join(want, " 或 "))}
}
