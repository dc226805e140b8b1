using LinkService.Cli;

// Program.cs only composes: the command line decides what runs, the features do the work.
// CliApp cancels on SIGINT/SIGTERM itself; nothing else can stop it from outside.
return await CliApp.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
