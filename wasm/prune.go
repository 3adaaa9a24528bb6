package wasm

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Pruning. Entries are never rewritten in place and no longer read once
// their key changes (a new release, a new Wasmtime, a new entry format,
// an edited program), so without pruning a cache directory only grows.
// The first time a process writes an entry (it compiled something, so a
// warm start never pays for this), it removes, in the background:
//
//   - entries (*.cwasm) last written more than entryMaxAge ago: one still
//     in use is compiled and written again once, by the next process that
//     loads it; a process that loaded it keeps its copy (entries are read
//     into memory, diskcache.go);
//   - temporary files (*.tmp-*) older than tmpMaxAge, which a process
//     killed between creating and renaming one leaves behind.
//
// Other files are left alone.
const (
	entryMaxAge = 30 * 24 * time.Hour
	tmpMaxAge   = time.Hour
)

// pruneOnce runs prune at most once per process.
var pruneOnce sync.Once

// schedulePrune starts prune on dir in the background, once per process.
func schedulePrune(dir string) {
	pruneOnce.Do(func() { go prune(dir, time.Now()) })
}

// prune removes from dir the entries and temporary files that are too old
// at now (see above) and returns how many it removed.
func prune(dir string, now time.Time) int {
	des, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	removed := 0
	for _, de := range des {
		if !de.Type().IsRegular() {
			continue
		}
		name := de.Name()
		var maxAge time.Duration
		switch {
		case strings.Contains(name, ".tmp-"):
			maxAge = tmpMaxAge
		case strings.HasSuffix(name, ".cwasm"):
			maxAge = entryMaxAge
		default:
			continue
		}
		fi, err := de.Info()
		if err != nil || now.Sub(fi.ModTime()) <= maxAge {
			continue
		}
		if os.Remove(filepath.Join(dir, name)) == nil {
			removed++
		}
	}
	return removed
}
