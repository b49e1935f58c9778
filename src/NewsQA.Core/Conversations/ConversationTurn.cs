using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Questions;

namespace NewsQA.Core.Conversations;

/// <summary>One exchange: what was asked, the standalone question it was read as, and the answer.</summary>
public sealed record ConversationTurn(string Question, string StandaloneQuestion, Answer Answer);
