using System.Runtime.InteropServices;
using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarking.Tests;

public class ProcessMemoryTests
{
    [Fact]
    public void ResetPeak_ThenTouching64MiB_PeakRisesByAboutThatMuchAndDropsAtTheNextResetOnceFreed()
    {
        var atReset = ProcessMemory.ResetPeak();
        ProcessMemory.PeakMib().Should().BeApproximately(atReset, 8, "right after the reset the peak is the current RSS");

        // Native memory, not a managed array: a block this size is its own mapping, returned to the OS the moment it is freed,
        // whereas whether the GC hands a freed segment back is the runtime's choice.
        var withBlock = TouchAndFree64MiB();
        // The kernel folds each thread's RSS count into the process's lazily (a few hundred KiB may lag), hence the 2 MiB slack.
        ProcessMemory.PeakMib().Should().BeGreaterThan(withBlock - 2).And.BeGreaterThan(atReset + 56);

        var afterNextReset = ProcessMemory.ResetPeak();
        afterNextReset.Should().BeLessThan(withBlock - 32, "the freed block is no longer resident");
        ProcessMemory.PeakMib().Should().BeLessThan(withBlock - 32, "the freed block no longer counts once the peak is reset");
    }

    private static double TouchAndFree64MiB()
    {
        const int Size = 64 << 20;
        var block = Marshal.AllocHGlobal(Size);
        try
        {
            for (var offset = 0; offset < Size; offset += 4096)
            {
                Marshal.WriteByte(block, offset, 1);
            }

            return ProcessMemory.ResidentMib();
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
    }
}
