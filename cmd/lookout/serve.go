package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"lookout/internal/api"
	"lookout/internal/screen"
	"lookout/web"
)

func init() {
	register(&command{
		name:    "serve",
		summary: "serve the officer's page, the wasm engine, the list bundle and the /v1/ API on loopback",
		run:     runServe,
	})
}

func runServe(env *cmdEnv, args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, env, args, nil)
}

// serve runs the server until ctx ends; ready, when set, is told the
// address it listens on (tests use it).
func serve(ctx context.Context, env *cmdEnv, args []string, ready func(addr string)) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (loopback by default: the page holds traveler data)")
	var lf listFlags
	lf.add(fs)
	cors := fs.String("cors", "", "comma-separated origins allowed to call the /v1/ API from another origin (default: none)")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: lookout serve [--addr 127.0.0.1:8080] [--bundle FILE] [--trust KEYS]")
		fmt.Fprintln(env.stderr, "\nServes the page, wasm and bundle embedded in this binary (or --bundle FILE) and the /v1/ API.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return 2
	}

	// The API screens against the same bundle the page is given, verified
	// with the same trust; without a valid list it still checks MRZs.
	eng := screen.New()
	data, src, err := serveBundle(lf.bundle)
	switch {
	case err != nil:
		fmt.Fprintf(env.stderr, "lookout serve: no list for the API: %v\n", err)
	default:
		pol, perr := lf.policy(env)
		st, serr := lf.store(env)
		switch {
		case perr != nil:
			fmt.Fprintf(env.stderr, "lookout serve: %v (the API runs without a list)\n", perr)
		case serr != nil:
			fmt.Fprintf(env.stderr, "lookout serve: %v\n", serr)
			return 2
		default:
			info, lerr := eng.Load(data, pol, st, time.Now())
			if lerr != nil {
				fmt.Fprintf(env.stderr, "lookout serve: list %s rejected: %v (the API runs without a list)\n", src, lerr)
			} else {
				fmt.Fprintf(env.stderr, "list %s seq %d (%s, %d entries, %d documents), signed by %s\n",
					info.Name, info.Seq, info.Env, info.Entries, info.Documents, signerNames(info))
			}
		}
	}

	var origins []string
	if *cors != "" {
		origins = strings.Split(*cors, ",")
	}
	mux := http.NewServeMux()
	mux.Handle("/v1/", api.Handler(eng, api.Options{AllowedOrigins: origins, OnPanic: func(r *http.Request, v any) {
		log.Printf("lookout serve: recovered panic on %s %s: %v", r.Method, r.URL.Path, v)
	}}))
	mux.Handle("/", web.Handler(web.Options{Bundle: lf.bundle}))

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(env.stderr, "lookout serve: %v\n", err)
		return 2
	}
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	fmt.Fprintf(env.stdout, "Lookout is serving on http://%s/\n", ln.Addr())
	if ready != nil {
		ready(ln.Addr().String())
	}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(env.stderr, "lookout serve: %v\n", err)
		return 2
	}
	return 0
}

// serveBundle reads --bundle, or the bundle embedded in the binary.
func serveBundle(path string) ([]byte, string, error) {
	if path != "" {
		b, err := os.ReadFile(path)
		return b, path, err
	}
	b, err := web.EmbeddedBundle()
	if err != nil {
		return nil, "", errors.New("this binary was built without a list bundle; give --bundle FILE")
	}
	return b, "(embedded)", nil
}

func signerNames(info *screen.ListInfo) string {
	var s []string
	for _, k := range info.Signers {
		s = append(s, k.Name+" "+k.Fingerprint)
	}
	return strings.Join(s, ", ")
}
