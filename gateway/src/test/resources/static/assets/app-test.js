// a hashed build file stands here in tests
console.log('spa-asset');
