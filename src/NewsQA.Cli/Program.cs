using NewsQA.Cli;

return await NewsQACommandLine.RunAsync(args);
