using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;

namespace NewsQA.Tools.Evaluation;

/// <summary>
/// Asks a training question as the offline answerer does, up to its choice of sentence: the question read, the passages
/// retrieved and their sentences scored, best first (what every trainer fits on, so that training meets what answering meets).
/// </summary>
public sealed class QuestionAsker(QueryBuilder queries, HybridRetriever retriever, AnswerabilityJudge judge)
{
    public async Task<(ReadQuestion Read, List<SearchHit> Hits, List<SentenceEvidence> Evidence)> AskAsync(string question, PassageIndex index, int passages, CancellationToken cancellationToken)
    {
        var query = await queries.BuildAsync(index, question, cancellationToken).ConfigureAwait(false);
        var hits = (await retriever.SearchAsync(index, query, passages, cancellationToken: cancellationToken).ConfigureAwait(false)).ToList();
        var read = judge.Read(question, index);
        return (read, hits, SentenceScorer.Score(index, query, read, hits));
    }
}
