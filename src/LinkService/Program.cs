using LinkService.Cli;

// Program.cs only composes: the command line decides what runs, the features do the work.
return await CliApp.RunAsync(args, Console.Out, Console.Error);
