# async def, await, async for, async with, asyncio.run.
import asyncio


async def square(x):
    await asyncio.sleep(0)
    return x * x


class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        self.i = 0
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


class Session:
    async def __aenter__(self):
        print("enter")
        return self

    async def __aexit__(self, *exc):
        print("exit")


async def main():
    results = await asyncio.gather(*(square(i) for i in range(5)))
    print(results)
    async with Session() as s:
        print("in session", type(s).__name__)
    ticks = [t async for t in Ticker(3)]
    print(ticks)
    async for t in Ticker(2):
        print("tick", t)


asyncio.run(main())
