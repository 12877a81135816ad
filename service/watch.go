package service

import (
	"context"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch reloads the catalogs whenever one of their files changes, until ctx
// ends. It watches the files' directories, not the files, because editors
// and deployment tools replace a file by renaming a new one over it, which
// ends a watch on the old file. Changes within the debounce interval (a
// copy written in several steps) cause one reload. The bundled catalog has
// no file and is not watched.
func (s *Server) Watch(ctx context.Context, debounce time.Duration) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	files := map[string]bool{}
	dirs := map[string]bool{}
	for _, p := range s.cfg.Catalogs {
		if p == "" {
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		files[abs] = true
		dirs[filepath.Dir(abs)] = true
	}
	for d := range dirs {
		if err := w.Add(d); err != nil {
			return err
		}
	}
	var timer *time.Timer
	var fire <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			abs, _ := filepath.Abs(ev.Name)
			if !files[abs] || ev.Op == fsnotify.Chmod {
				continue
			}
			if timer == nil {
				timer = time.NewTimer(debounce)
			} else {
				timer.Reset(debounce)
			}
			fire = timer.C
		case <-fire:
			fire = nil
			s.log.Info("catalog file changed; reloading")
			s.Reload() // a failure is logged and kept for /readyz by Reload
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			s.log.Warn("watching catalog files", "error", err.Error())
		}
	}
}
