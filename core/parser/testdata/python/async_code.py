"""Asynchronous code: async def, await, async for, async with."""

import asyncio


class Resource:
    async def __aenter__(self):
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, *exc_info):
        return None


class Ticker:
    def __init__(self, limit):
        self.limit = limit
        self.current = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current >= self.limit:
            raise StopAsyncIteration
        self.current += 1
        return self.current


async def fetch(delay, value):
    await asyncio.sleep(delay)
    return value


async def produce(limit):
    for i in range(limit):
        yield i
        await asyncio.sleep(0)


async def main():
    results = await asyncio.gather(fetch(0, "a"), fetch(0, "b"))
    async with Resource() as res, Resource():
        print("using", res)
    async for tick in Ticker(3):
        print("tick", tick)
    else:
        print("ticks done")
    squares = [i * i async for i in produce(4)]
    evens = {i async for i in produce(6) if i % 2 == 0}
    mapping = {i: await fetch(0, i) for i in range(2)}
    gen = (await fetch(0, i) for i in range(2))
    firsts = [x async for x in produce(3) async for y in produce(1)]
    total = -await fetch(0, 5) + (await fetch(0, 2)) ** 2
    return results, squares, evens, mapping, [v async for v in gen], firsts, total


print(asyncio.run(main()))
