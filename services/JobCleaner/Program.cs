using AwsIntegrations.Hosting;
using AwsIntegrations.JobCleaner;
using AwsIntegrations.JobCleaner.Options;

return await ServiceHost.RunAsync<JobCleanerOptions>(JobCleanerOptions.ServiceName, args, host => host.AddJobCleaner());
