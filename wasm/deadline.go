package wasm

import (
	"sync"
	"time"
)

// EpochTick is how often the engine's epoch advances while a timed call
// runs: the resolution of time limits. At each tick every running call of
// the interruptible engine asks interrupt.c's callback, which compares the
// clock with its store's deadline.
const EpochTick = time.Millisecond

// ticker advances the engine's epoch every EpochTick while at least one
// timed call runs; with none, no goroutine wakes up.
var ticker struct {
	sync.Mutex
	users int
	stop  chan struct{}
}

// AcquireTicker starts advancing the epoch (if it was not already) for a
// timed call; ReleaseTicker must follow when the call returns. C code that
// calls ml_fastcall_deadline brackets it with these two.
func AcquireTicker() {
	ticker.Lock()
	defer ticker.Unlock()
	ticker.users++
	if ticker.users == 1 {
		stop := make(chan struct{})
		ticker.stop = stop
		eng := engine()
		go func() {
			t := time.NewTicker(EpochTick)
			defer t.Stop()
			for {
				select {
				case <-stop:
					return
				case <-t.C:
					eng.IncrementEpoch()
				}
			}
		}()
	}
}

// ReleaseTicker undoes one AcquireTicker.
func ReleaseTicker() {
	ticker.Lock()
	defer ticker.Unlock()
	if ticker.users == 0 {
		return
	}
	ticker.users--
	if ticker.users == 0 {
		close(ticker.stop)
		ticker.stop = nil
	}
}
