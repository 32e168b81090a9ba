// name: investments-above
// description: Investments of at least minAmount (in the currency's unit, e.g. 100000000 = 1亿元), largest first.
// params: minAmount:float=10000000, limit:int=100
MATCH (investor:Entity)-[r:INVESTMENT]->(investee:Entity)
WHERE r.amount >= $minAmount
RETURN investor, r AS investment, investee, r.amount AS amount, r.currency AS currency, r.amountText AS amountText, r.date AS date
ORDER BY amount DESC
LIMIT $limit
