package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jizhun/jizhun/examples"
)

// buildJizhun builds the command into a temporary directory.
func buildJizhun(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "jizhun")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// server is a `jizhun serve` process on a free loopback port.
type server struct {
	cmd  *exec.Cmd
	url  string
	mu   sync.Mutex
	logs bytes.Buffer
	done chan error
}

func startServer(t *testing.T, bin string, args ...string) *server {
	t.Helper()
	s := &server{done: make(chan error, 1)}
	s.cmd = exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if s.cmd.ProcessState == nil {
			s.cmd.Process.Kill()
			<-s.done
		}
	})
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			s.mu.Lock()
			s.logs.Write(sc.Bytes())
			s.logs.WriteByte('\n')
			s.mu.Unlock()
			var line struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "listening" {
				addr <- line.Addr
			}
		}
		s.done <- s.cmd.Wait()
	}()
	select {
	case a := <-addr:
		s.url = "http://" + a
	case err := <-s.done:
		t.Fatalf("jizhun serve exited: %v\n%s", err, s.log())
	case <-time.After(30 * time.Second):
		t.Fatalf("jizhun serve did not start:\n%s", s.log())
	}
	return s
}

func (s *server) log() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.logs.String()
}

func (s *server) post(t *testing.T, path, contentType string, body []byte) (int, []byte) {
	t.Helper()
	res, err := http.Post(s.url+path, contentType, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	return res.StatusCode, data
}

func (s *server) digest(t *testing.T, caseJSON []byte) string {
	t.Helper()
	status, body := s.post(t, "/v1/decisions", "application/json", caseJSON)
	if status != 200 {
		t.Fatalf("%d %s", status, body)
	}
	var d struct{ Catalog struct{ Digest string } }
	json.Unmarshal(body, &d)
	return d.Catalog.Digest
}

func writeTitled(t *testing.T, path, title string) {
	t.Helper()
	data := bytes.Replace(examples.County(), []byte("title: 示例县城市管理领域行政处罚裁量基准（示例）"), []byte("title: "+title), 1)
	tmp := path + ".tmp"
	os.WriteFile(tmp, data, 0o644)
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// The binary over loopback TCP: a decision equal to `decide --format json`,
// a batch, SIGHUP reloads (and a failed one that keeps the old catalog),
// SIGTERM that lets a batch in progress finish, and a decision log that
// replay reproduces.
func TestServe_binary_over_loopback(t *testing.T) {
	bin := buildJizhun(t)
	dir := t.TempDir()
	catalogPath, v1Path := filepath.Join(dir, "catalog.yaml"), filepath.Join(dir, "v1.yaml")
	writeTitled(t, catalogPath, "第一版")
	writeTitled(t, v1Path, "第一版")
	logPath := filepath.Join(dir, "decisions.ndjson")
	s := startServer(t, bin, "--catalog", catalogPath, "--decision-log", logPath)

	caseFile := "../../examples/county/cases/bbq_one_stove.json"
	caseJSON, _ := os.ReadFile(caseFile)
	status, body := s.post(t, "/v1/decisions", "application/json", caseJSON)
	want := cliRun(t, "", "decide", "--catalog", catalogPath, "--case", caseFile, "--format", "json")
	if status != 200 || string(body) != want.stdout {
		t.Fatalf("served decision differs from decide --format json: %d\n%s", status, body)
	}
	first := s.digest(t, caseJSON)

	in, _ := countyNDJSON(t)
	status, body = s.post(t, "/v1/decisions:batch", "application/x-ndjson", []byte(in))
	if status != 200 || bytes.Count(body, []byte("\n")) != strings.Count(in, "\n") {
		t.Fatalf("batch: %d, %d lines for %d", status, bytes.Count(body, []byte("\n")), strings.Count(in, "\n"))
	}

	// SIGHUP with a new catalog: new decisions name the new digest.
	writeTitled(t, catalogPath, "第二版")
	s.cmd.Process.Signal(syscall.SIGHUP)
	deadline := time.Now().Add(20 * time.Second)
	for s.digest(t, caseJSON) == first {
		if time.Now().After(deadline) {
			t.Fatalf("SIGHUP did not reload:\n%s", s.log())
		}
		time.Sleep(50 * time.Millisecond)
	}
	second := s.digest(t, caseJSON)

	// SIGHUP with a broken catalog: the old one keeps serving.
	os.WriteFile(catalogPath, []byte("id: [broken\n"), 0o644)
	s.cmd.Process.Signal(syscall.SIGHUP)
	for !strings.Contains(s.log(), "catalog reload failed") {
		if time.Now().After(deadline) {
			t.Fatalf("no failed reload logged:\n%s", s.log())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if got := s.digest(t, caseJSON); got != second {
		t.Fatalf("after a failed reload: %s, want %s", got, second)
	}

	// SIGTERM while a batch streams: the batch finishes, then the process exits 0.
	pr, pw := io.Pipe()
	req, _ := http.NewRequest("POST", s.url+"/v1/decisions:batch", pr)
	req.Header.Set("Content-Type", "application/x-ndjson")
	resc := make(chan *http.Response, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			resc <- res
		}
	}()
	var compact bytes.Buffer
	json.Compact(&compact, caseJSON)
	compact.WriteByte('\n')
	pw.Write(compact.Bytes())
	res := <-resc
	s.cmd.Process.Signal(syscall.SIGTERM)
	time.Sleep(200 * time.Millisecond)
	pw.Write(compact.Bytes()) // still answered: the request began before SIGTERM
	pw.Close()
	answers, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if n := bytes.Count(answers, []byte(`,"decision":{`)); n != 2 {
		t.Fatalf("batch cut by SIGTERM: %d decisions\n%s", n, answers)
	}
	select {
	case err := <-s.done:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v\n%s", err, s.log())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no exit after SIGTERM")
	}
	if strings.Contains(s.log(), "panic") || !strings.Contains(s.log(), `"msg":"stopped"`) {
		t.Fatalf("log:\n%s", s.log())
	}

	// The decision log holds both catalogs' decisions; replay reproduces
	// each one with the catalog of its digest.
	writeTitled(t, catalogPath, "第二版")
	r := cliRun(t, "", "replay", logPath, "--catalog", v1Path, "--catalog", catalogPath)
	r.want(t, exitOK)
	r = cliRun(t, "", "replay", logPath, "--catalog", catalogPath)
	if r.code != exitInvalid || !strings.Contains(r.stdout, "is not among those given") {
		t.Fatalf("replay without the first catalog:\n%s", r.stdout)
	}
}

// The Python client under examples/clients/python, against the binary.
func TestPythonClient(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on PATH: the Python client test (examples/clients/python) needs it")
	}
	bin := buildJizhun(t)
	s := startServer(t, bin)
	cmd := exec.Command(py, "-m", "unittest", "-v", "test_client.py")
	cmd.Dir = "../../examples/clients/python"
	cmd.Env = append(os.Environ(), "JIZHUN_URL="+s.url, "PYTHONDONTWRITEBYTECODE=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("OK")) || bytes.Contains(out, []byte("skipped")) {
		t.Fatalf("python client: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
