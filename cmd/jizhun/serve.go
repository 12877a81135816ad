package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/jizhun/jizhun/service"
	"github.com/spf13/cobra"
)

// serveFlags are the options of `jizhun serve`.
type serveFlags struct {
	catalogs        []string
	corsOrigins     []string
	addr            string
	watch           bool
	skipCheck       bool
	decisionLog     string
	tokenFile       string
	logFormat       string
	maxBatchBytes   int64
	maxConcurrent   int
	batchWorkers    int
	readTimeout     time.Duration
	writeTimeout    time.Duration
	idleTimeout     time.Duration
	batchTimeout    time.Duration
	shutdownTimeout time.Duration
	drainDelay      time.Duration
}

func newServeCommand(e *env) *cobra.Command {
	sf := &serveFlags{}
	cmd := &cobra.Command{
		Use:   "serve [flags]",
		Short: "HTTP 裁量服务 (the HTTP service)",
		Long: `以 HTTP 提供裁量服务，供办案系统调用（docs/service.md；接口见 GET /openapi.json）。
不指定 --catalog 时使用内置的示例基准。SIGHUP 重新加载基准（--watch 时文件变化也会），
加载失败时保留原基准。SIGTERM 或 SIGINT 时先排空：/readyz 返回 503，处理中的请求完成后退出。

Serves decisions over HTTP (docs/service.md; the API is described by
GET /openapi.json). SIGHUP reloads the catalogs (so does a change to a file
with --watch); a reload that fails keeps the old catalogs. SIGTERM or SIGINT
drains: /readyz answers 503, requests in progress finish, then the process exits.

退出状态 (exit status): 0 正常停止, 1 基准无效或无法监听, 2 用法错误`,
		Example: `  jizhun serve
  jizhun serve --catalog catalog.yaml --watch --decision-log decisions.ndjson
  jizhun serve --addr 0.0.0.0:8080 --token-file token.txt --cors-origin https://oa.example.gov.cn`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageErrorf("unexpected argument %q (catalogs are given with --catalog)", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case sf.logFormat != "json" && sf.logFormat != "text":
				return usageErrorf("--log-format must be json or text, not %q", sf.logFormat)
			case sf.maxBatchBytes <= 0 || sf.maxConcurrent < 0 || sf.batchWorkers < 0:
				return usageErrorf("limits must be positive")
			case sf.watch && len(sf.catalogs) == 0:
				return usageErrorf("--watch needs --catalog: the bundled catalog is part of the binary")
			}
			return status(serve(sf, e.stderr))
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&sf.catalogs, "catalog", nil, "catalog YAML file (repeatable; default: the bundled county catalog)")
	f.StringVar(&sf.addr, "addr", "127.0.0.1:8080", "address to listen on")
	f.BoolVar(&sf.watch, "watch", false, "reload when a catalog file changes")
	f.BoolVar(&sf.skipCheck, "skip-check", false, "serve catalogs without the consistency checks of jizhun check (by default a catalog with an error finding is refused, at start and on reload)")
	f.StringVar(&sf.decisionLog, "decision-log", "", "append one JSON line per decision to FILE (see jizhun replay)")
	f.StringVar(&sf.tokenFile, "token-file", "", "require 'Authorization: Bearer <token>' on /v1 with the token in FILE")
	f.StringArrayVar(&sf.corsOrigins, "cors-origin", nil, "let browsers on ORIGIN call the API (repeatable; default: none)")
	f.StringVar(&sf.logFormat, "log-format", "json", "log format on stderr: json or text")
	f.Int64Var(&sf.maxBatchBytes, "max-batch-bytes", 64<<20, "largest batch body in bytes")
	f.IntVar(&sf.maxConcurrent, "max-concurrent", 0, "requests served at once before 503 (default 64 per CPU)")
	f.IntVar(&sf.batchWorkers, "batch-workers", 0, "workers deciding one batch (default: one per CPU)")
	f.DurationVar(&sf.readTimeout, "read-timeout", 30*time.Second, "time to read a request")
	f.DurationVar(&sf.writeTimeout, "write-timeout", 60*time.Second, "time to write a response")
	f.DurationVar(&sf.idleTimeout, "idle-timeout", 120*time.Second, "keep-alive idle time")
	f.DurationVar(&sf.batchTimeout, "batch-timeout", 10*time.Minute, "time a batch may take, in place of the read and write timeouts")
	f.DurationVar(&sf.shutdownTimeout, "shutdown-timeout", 30*time.Second, "time requests in progress get to finish on SIGTERM")
	f.DurationVar(&sf.drainDelay, "drain-delay", 0, "on SIGTERM, answer /readyz 503 this long before closing the listener, so that a load balancer stops sending first")
	cmd.MarkFlagFilename("catalog", "yaml", "yml")
	cmd.RegisterFlagCompletionFunc("log-format", fixedCompletion("json", "text"))
	return cmd
}

// serve runs the HTTP service until SIGTERM or SIGINT.
func serve(sf *serveFlags, stderr io.Writer) int {
	var handler slog.Handler = slog.NewJSONHandler(stderr, nil)
	if sf.logFormat == "text" {
		handler = slog.NewTextHandler(stderr, nil)
	}
	log := slog.New(handler)
	cfg := service.Config{
		Catalogs: sf.catalogs, Logger: log, MaxBatchBytes: sf.maxBatchBytes, MaxConcurrent: sf.maxConcurrent,
		BatchWorkers: sf.batchWorkers, BatchTimeout: sf.batchTimeout, CORSOrigins: sf.corsOrigins, SkipCheck: sf.skipCheck,
	}
	if sf.tokenFile != "" {
		tok, err := os.ReadFile(sf.tokenFile)
		if err != nil {
			fmt.Fprintf(stderr, "jizhun serve: %v\n", err)
			return exitInvalid
		}
		cfg.Token = strings.TrimSpace(string(tok))
		if cfg.Token == "" {
			fmt.Fprintf(stderr, "jizhun serve: %s holds no token\n", sf.tokenFile)
			return exitInvalid
		}
	}
	if sf.decisionLog != "" {
		f, err := os.OpenFile(sf.decisionLog, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o640)
		if err != nil {
			fmt.Fprintf(stderr, "jizhun serve: %v\n", err)
			return exitInvalid
		}
		defer f.Close()
		cfg.DecisionLog = service.NewDecisionLog(f)
	}
	srv, err := service.New(cfg)
	if err != nil {
		printErr(stderr, err)
		return exitInvalid
	}
	ln, err := net.Listen("tcp", sf.addr)
	if err != nil {
		fmt.Fprintf(stderr, "jizhun serve: %v\n", err)
		return exitInvalid
	}
	hs := srv.HTTPServer(sf.addr, service.Timeouts{Read: sf.readTimeout, Write: sf.writeTimeout, Idle: sf.idleTimeout})

	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	if sf.watch {
		go func() {
			if err := srv.Watch(ctx, 250*time.Millisecond); err != nil {
				log.Error("cannot watch the catalog files; reload with SIGHUP", "error", err.Error())
			}
		}()
	}
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, syscall.SIGHUP, syscall.SIGTERM, os.Interrupt)
	defer signal.Stop(signals)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	log.Info("listening", "addr", ln.Addr().String(), "catalogs", catalogNames(srv.Set()), "engine", service.EngineVersion())

	for {
		select {
		case err := <-served:
			log.Error("server stopped", "error", err.Error())
			return exitInvalid
		case sig := <-signals:
			if sig == syscall.SIGHUP {
				srv.Reload()
				continue
			}
			log.Info("draining", "signal", sig.String(), "timeout", sf.shutdownTimeout.String())
			srv.Drain()
			time.Sleep(sf.drainDelay)
			sctx, cancel := context.WithTimeout(context.Background(), sf.shutdownTimeout)
			err := hs.Shutdown(sctx)
			cancel()
			if err != nil {
				log.Error("requests still in progress at the shutdown timeout were cut", "error", err.Error())
				hs.Close()
				return exitInvalid
			}
			if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Error("server", "error", err.Error())
			}
			log.Info("stopped")
			return exitOK
		}
	}
}

func catalogNames(set *service.Set) []string {
	var out []string
	for _, e := range set.Engines() {
		out = append(out, e.Catalog().ID+"@"+e.Catalog().Digest)
	}
	return out
}
