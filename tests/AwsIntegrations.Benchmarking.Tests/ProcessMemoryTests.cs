using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarking.Tests;

public class ProcessMemoryTests
{
    [Fact]
    public void ResetPeak_ThenTouching64MiB_PeakRisesByAboutThatMuchAndStaysAfterItIsFreed()
    {
        var atReset = ProcessMemory.ResetPeak();
        ProcessMemory.PeakMib().Should().BeApproximately(atReset, 8, "right after the reset the peak is the current RSS");

        var block = GC.AllocateUninitializedArray<byte>(64 << 20, pinned: true);
        for (var i = 0; i < block.Length; i += 4096)
        {
            block[i] = 1;
        }

        var withBlock = ProcessMemory.ResidentMib();
        GC.KeepAlive(block);
        block = null;
        ProcessMemory.PeakMib().Should().BeGreaterThanOrEqualTo(withBlock).And.BeGreaterThan(atReset + 56);

        var afterNextReset = ProcessMemory.ResetPeak();
        ProcessMemory.PeakMib().Should().BeLessThan(withBlock, "the freed block no longer counts once the peak is reset");
        afterNextReset.Should().BeLessThan(withBlock);
    }
}
