"""Context managers: with statements of every shape."""

import contextlib
import io


class Timer:
    def __enter__(self):
        self.started = 0
        return self

    def __exit__(self, kind, value, trace):
        self.stopped = 1
        return False


@contextlib.contextmanager
def tag(label):
    print("<" + label + ">")
    yield label
    print("</" + label + ">")


def copy(src, dst):
    with open(src) as reader, open(dst, "w") as writer:
        writer.write(reader.read())


def nested_tags():
    with tag("html"):
        with tag("body") as body, tag("p"):
            print("inside", body)


def unpack():
    with contextlib.nullcontext((1, 2)) as (left, right):
        return left + right


def buffered():
    with io.StringIO() as buffer:
        buffer.write("text")
        return buffer.getvalue()


def grouped_items():
    with (
        tag("a") as first,
        tag("b") as second,
    ):
        return first + second


def into_attribute(holder):
    with Timer() as holder.timer:
        pass
    with Timer() as slots[0]:
        pass
    return holder


slots = [None]
with Timer() as clock:
    nested_tags()
print(clock.stopped, unpack(), buffered(), grouped_items())
