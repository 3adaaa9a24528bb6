//go:build !unix

package compiler_test

import "time"

var started = time.Now()

// cpuTime is the wall time since the tests started, where the processor
// time of the process is not at hand.
func cpuTime() time.Duration { return time.Since(started) }
