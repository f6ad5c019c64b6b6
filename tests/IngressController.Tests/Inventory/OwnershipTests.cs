using AwsIntegrations.IngressController.Inventory;

namespace AwsIntegrations.IngressController.Tests.Inventory;

public class OwnershipTests
{
    [Fact]
    public void DefaultControllerId_NamesAndTagsAsBefore()
    {
        var plain = new Ownership("prod");
        var kubeIngressAwsControllerDefault = new Ownership("prod", "kube-ingress-aws-controller");

        kubeIngressAwsControllerDefault.NamePrefix.Should().Be(plain.NamePrefix, "load balancers made before --controller-id existed stay ours");
        kubeIngressAwsControllerDefault.Tags().Should().NotContainKey("kubernetes:application");
        kubeIngressAwsControllerDefault.IsOwned(plain.Tags()).Should().BeTrue();
    }

    [Fact]
    public void OtherControllerId_OtherNamesAndATag_NeitherTakesTheOthersForItsOwn()
    {
        // kube-ingress-aws-controller README "Running multiple instances": --controller-id isolates resources.
        var first = new Ownership("prod");
        var second = new Ownership("prod", "internal-ctrl");

        second.NamePrefix.Should().NotBe(first.NamePrefix);
        second.Tags().Should().Contain("kubernetes:application", "internal-ctrl");
        second.IsOwned(first.Tags()).Should().BeFalse();
        first.Parse(second.AlbName("abcdef", 0)).Should().BeNull();
    }

    [Fact]
    public void AdditionalTags_AreAdded_OursWin()
    {
        var ownership = new Ownership("prod", null, new Dictionary<string, string> { ["team"] = "web", ["aws-integrations/managed-by"] = "someone" });

        ownership.Tags().Should().Contain("team", "web").And.Contain("aws-integrations/managed-by", "ingress-controller");
    }
}
